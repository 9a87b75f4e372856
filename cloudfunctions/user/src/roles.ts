/** Granting and revoking the worker and merchant roles. */
import { roleChangeInput, type Role } from '../../../types/user'
import type { UserRecord } from '../../../types/records'
import { _, adminOpenids, db } from '../../../server/cloud'
import { notFound, precondition } from '../../../server/errors'
import { action } from '../../../server/handler'
import { refuseSelfDealing } from '../../../server/self-dealing'
import { inTransaction } from '../../../server/transaction'
import { newUserRecord } from '../../../server/users'
import { toRoleHolder } from './views'

async function assertMerchantExists(merchantId: string): Promise<void> {
  const res = await db.collection('merchants').where({ _id: merchantId }).limit(1).get()
  if (res.data.length === 0) throw notFound('没有找到这个商户')
}

export const grantRole = action({
  input: roleChangeInput,
  who: 'worker',
  run: async (args, caller) => {
    refuseSelfDealing(caller.openid, args.openid, '给自己授予身份')
    if (args.role === 'merchant') await assertMerchantExists(args.merchantId!)
    const now = Date.now()
    const user = await inTransaction(async (tx) => {
      const ref = tx.collection<UserRecord>('users').doc(args.openid)
      let current: UserRecord | null = null
      try {
        current = (await ref.get()).data
      } catch {
        current = null
      }
      const base = current ?? newUserRecord(args.openid, now)
      const roles = [...new Set<Role>([...base.roles, args.role])]
      const merchantId = args.role === 'merchant' ? args.merchantId! : base.merchantId
      const next: UserRecord = { ...base, roles, merchantId, updatedAt: now }
      if (current) await ref.update({ data: { roles: _.set(roles), merchantId, updatedAt: now } })
      else await ref.set({ data: withoutId(next) })
      return next
    })
    return toRoleHolder(user)
  },
})

export const revokeRole = action({
  input: roleChangeInput,
  who: 'worker',
  run: async (args) => {
    if (args.role === 'worker' && adminOpenids().has(args.openid)) {
      throw precondition('这位社工是系统管理员，不能撤销社工身份')
    }
    const now = Date.now()
    const user = await inTransaction(async (tx) => {
      const ref = tx.collection<UserRecord>('users').doc(args.openid)
      let current: UserRecord
      try {
        current = (await ref.get()).data
      } catch {
        throw notFound('没有找到这位用户')
      }
      if (args.role === 'merchant' && args.merchantId && current.merchantId !== args.merchantId) {
        throw precondition('这位用户不是这个商户的店员')
      }
      const roles = current.roles.filter((r) => r !== args.role)
      const merchantId = args.role === 'merchant' ? null : current.merchantId
      await ref.update({ data: { roles: _.set(roles), merchantId, updatedAt: now } })
      return { ...current, roles, merchantId, updatedAt: now }
    })
    return toRoleHolder(user)
  },
})

function withoutId(record: UserRecord): Omit<UserRecord, '_id'> {
  const { _id: _ignored, ...rest } = record
  return rest
}
