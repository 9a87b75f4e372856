/**
 * A volunteer has seen the needs dispatched to them (我的任务 lists them, or they open one): they are no longer new,
 * on any phone, and the notice that told of each dispatch is read with it. Only needs assigned to the caller;
 * anyone else's answers as a missing one, and then nothing changes.
 */
import { seenNeedsInput, type SeenNeeds } from '../../../types/needs'
import type { NeedRecord } from '../../../types/records'
import type { NoticeRecord } from '../../../types/notices'
import { _, db } from '../../../server/cloud'
import { dispatchEvent, unseenDispatches } from '../../../server/dispatches'
import { needNotFound } from '../../../server/errors'
import { action } from '../../../server/handler'
import { noticeId } from '../../../server/notify'
import { isUnseenBy } from './views'

export const seen = action({
  input: seenNeedsInput,
  run: async (args, caller): Promise<SeenNeeds> => {
    const ids = [...new Set(args.ids)]
    const found = await db
      .collection<NeedRecord>('needs')
      .where({ _id: _.in(ids), 'assignee.openid': caller.openid })
      .field({ _id: true, status: true, assignee: true, unseenBy: true, dispatchedAt: true })
      .limit(ids.length)
      .get()
    if (found.data.length !== ids.length) throw needNotFound()
    const fresh = found.data.filter((n) => isUnseenBy(n, caller.openid))
    if (fresh.length > 0) {
      const now = Date.now()
      await db
        .collection('needs')
        .where({ _id: _.in(fresh.map((n) => n._id)), unseenBy: caller.openid })
        .update({ data: { unseenBy: null } })
      const notices = fresh.map((n) => noticeId(caller.openid, dispatchEvent(n._id, n.dispatchedAt!)))
      await db
        .collection<NoticeRecord>('notices')
        .where({ openid: caller.openid, _id: _.in(notices), read: false })
        .update({ data: { read: true, readAt: now } })
    }
    return { newTasks: (await unseenDispatches(caller.openid)).length }
  },
})
