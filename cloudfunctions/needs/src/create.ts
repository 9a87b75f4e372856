/** A resident posts a need; a worker may post for an elderly resident without WeChat (代居民发布). */
import { createNeedInput, type Need } from '../../../types/needs'
import type { NeedRecord } from '../../../types/records'
import { needReceived } from '../../../types/report'
import { newId } from '../../../server/docs'
import { countInTransaction } from '../../../server/report'
import { inTransaction } from '../../../server/transaction'
import { assertSafeText } from '../../../server/content'
import { acceptPhotos } from './photos'
import { denied } from '../../../server/errors'
import { action } from '../../../server/handler'
import { displayName } from '../../../server/users'
import { toNeed } from './views'

export const create = action({
  input: createNeedInput,
  run: async (args, caller): Promise<Need> => {
    if (args.onBehalfOf && !caller.roles.has('worker')) throw denied('只有社工可以代居民发布需求')
    await assertSafeText(caller.openid, [
      args.title,
      args.description,
      args.preferredTime,
      args.address,
      args.onBehalfOf?.name,
    ])
    // Photos last: a refused text uploads nothing. Kept where only the functions read them.
    const photos = await acceptPhotos(caller.openid, args.photos ?? [])
    const now = Date.now()
    const record: Omit<NeedRecord, '_id'> = {
      category: args.category,
      title: args.title,
      description: args.description,
      urgency: args.urgency ?? 'normal',
      status: 'pending',
      requester: { openid: caller.openid, nickname: displayName(caller.user!) },
      onBehalfOf: args.onBehalfOf ?? null,
      assignee: null,
      points: 0,
      preferredTime: args.preferredTime ?? '',
      minutes: null,
      completionNote: '',
      rating: null,
      comment: '',
      rejectReason: '',
      cancelReason: '',
      address: args.address,
      contactPhone: args.contactPhone,
      location: args.location ?? null,
      reviewedBy: null,
      creditEntryId: null,
      photos,
      community: caller.user!.community,
      createdAt: now,
      updatedAt: now,
    }
    // Counted for the report in the same transaction as it is posted.
    const _id = newId()
    await inTransaction(async (tx) => {
      await tx.collection('needs').doc(_id).set({ data: record })
      await countInTransaction(tx, [needReceived({ ...record, _id })])
    })
    return toNeed({ ...record, _id }, caller)
  },
})
