/** `login` and `updateProfile`: the caller's own record. */
import { loginInput, updateProfileInput } from '../../../types/user'
import type { UserRecord } from '../../../types/records'
import { db } from '../../../server/cloud'
import { assertSafeText } from '../../../server/content'
import { action } from '../../../server/handler'
import { releasePhone } from './phone'
import { toMe } from './views'

export const login = action({
  input: loginInput,
  run: async (_args, caller) => toMe(caller.user!),
})

export const updateProfile = action({
  input: updateProfileInput,
  run: async (args, caller) => {
    // Workers and the people a volunteer serves read these.
    await assertSafeText(caller.openid, [args.nickname, args.community, args.address])
    const me = caller.user!
    const changes: Partial<UserRecord> = { ...args, updatedAt: Date.now() }
    // A typed number is not vouched for; one typed over a verified number frees that number.
    if (args.phone !== undefined && args.phone !== me.phone) {
      changes.phoneVerifiedAt = null
      if (me.phone && me.phoneVerifiedAt) await releasePhone(me.phone, caller.openid)
    }
    await db.collection<UserRecord>('users').doc(caller.openid).update({ data: changes })
    return toMe({ ...me, ...changes })
  },
})
