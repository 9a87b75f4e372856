/** Workers look people up (to award points, to dispatch a need to a volunteer). */
import { findPeopleInput, type PersonSummary } from '../../../types/user'
import type { UserRecord } from '../../../types/records'
import { maskPhone } from '../../../types/text'
import { _, db } from '../../../server/cloud'
import { action } from '../../../server/handler'
import { escapeRegex } from '../../../server/search'
import { displayName } from '../../../server/users'
import { rolesOf } from './views'

export const findPeople = action({
  input: findPeopleInput,
  who: 'worker',
  run: async (args): Promise<{ items: PersonSummary[] }> => {
    const limit = args.limit ?? 20
    const conditions: object[] = []
    const q = args.q?.trim()
    if (q) {
      if (/^\d{11}$/.test(q)) conditions.push({ phone: q })
      else if (/^\d{4}$/.test(q)) conditions.push({ phone: db.RegExp({ regexp: `${q}$` }) })
      else {
        const pattern = db.RegExp({ regexp: escapeRegex(q) })
        conditions.push(_.or([{ nickname: pattern }, { 'volunteer.realName': pattern }]))
      }
    }
    if (args.role === 'volunteer') conditions.push({ 'volunteer.status': 'approved', roles: 'volunteer' })
    else if (args.role && args.role !== 'resident') conditions.push({ roles: args.role })
    if (args.merchantId) conditions.push({ merchantId: args.merchantId })
    const res = await db
      .collection<UserRecord>('users')
      .where(conditions.length ? _.and(conditions) : {})
      .orderBy('updatedAt', 'desc')
      .limit(limit)
      .get()
    const items = res.data.map((u) => {
      const verifiedAt = u.phone && u.phoneVerifiedAt ? u.phoneVerifiedAt : null
      return {
        openid: u.openid,
        name: displayName(u),
        community: u.community,
        phoneMasked: maskPhone(u.phone),
        phoneVerified: verifiedAt !== null,
        phoneVerifiedAt: verifiedAt,
        since: u.createdAt,
        roles: rolesOf(u),
        volunteerStatus: u.volunteer?.status ?? null,
      }
    })
    // People whose number WeChat vouched for come first (the sort keeps the order of the rest).
    items.sort((a, b) => Number(b.phoneVerified) - Number(a.phoneVerified))
    return { items }
  },
})
