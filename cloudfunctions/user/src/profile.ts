/** `login` and `updateProfile`: the caller's own record. */
import { loginInput, updateProfileInput } from '../../../types/user'
import type { UserRecord } from '../../../types/records'
import { db } from '../../../server/cloud'
import { assertSafeText } from '../../../server/content'
import { action } from '../../../server/handler'
import { toMe } from './views'

export const login = action({
  input: loginInput,
  run: async (_args, caller) => toMe(caller.user!),
})

export const updateProfile = action({
  input: updateProfileInput,
  run: async (args, caller) => {
    if (args.nickname !== undefined) await assertSafeText(caller.openid, [args.nickname])
    const changes: Partial<UserRecord> = { ...args, updatedAt: Date.now() }
    await db.collection<UserRecord>('users').doc(caller.openid).update({ data: changes })
    return toMe({ ...caller.user!, ...changes })
  },
})
