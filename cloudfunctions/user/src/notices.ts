/**
 * 消息: the caller's own notices (kept by server/notify.ts for every message sent to them). Nobody reads or
 * marks another person's notices: an id that is not the caller's answers as a missing one.
 */
import {
  noticesInput,
  readNoticesInput,
  toNotice,
  type NoticePage,
  type NoticeRecord,
} from '../../../types/notices'
import { _, db } from '../../../server/cloud'
import { notFound } from '../../../server/errors'
import { action } from '../../../server/handler'
import { afterCursor, decodeCursor, pageOf } from '../../../server/paging'
import { dispatchEvent, unseenDispatches } from '../../../server/dispatches'
import { noticeId } from '../../../server/notify'

const notices = () => db.collection<NoticeRecord>('notices')

async function unreadOf(openid: string): Promise<number> {
  return (await notices().where({ openid, read: false }).count()).total
}

export const listNotices = action({
  input: noticesInput,
  run: async (args, caller): Promise<NoticePage> => {
    const limit = args.limit ?? 20
    const res = await notices()
      .where(_.and([{ openid: caller.openid }, afterCursor('createdAt', decodeCursor(args.cursor))]))
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const { rows, nextCursor } = pageOf(res.data, limit, (n) => n.createdAt)
    const unread = await unreadOf(caller.openid)
    // A volunteer's new tasks join the tab's badge; each one's dispatch notice, while unread, is counted once.
    const tasks = caller.roles.has('volunteer') ? await unseenDispatches(caller.openid) : []
    const told =
      tasks.length === 0
        ? 0
        : (
            await notices()
              .where({
                openid: caller.openid,
                read: false,
                _id: _.in(tasks.map((n) => noticeId(caller.openid, dispatchEvent(n._id, n.dispatchedAt!)))),
              })
              .count()
          ).total
    return {
      items: rows.map(toNotice),
      nextCursor,
      unread,
      newTasks: tasks.length,
      badge: unread - told + tasks.length,
    }
  },
})

export const readNotices = action({
  input: readNoticesInput,
  run: async (args, caller): Promise<{ unread: number }> => {
    const now = Date.now()
    const mine = { openid: caller.openid }
    if (args.ids) {
      const ids = [...new Set(args.ids)]
      const found = await notices()
        .where({ ...mine, _id: _.in(ids) })
        .field({ _id: true })
        .limit(ids.length)
        .get()
      // Another person's notice answers exactly as one that does not exist.
      if (found.data.length !== ids.length) throw notFound('没有找到这条消息，可能已被删除')
      await notices()
        .where({ ...mine, _id: _.in(ids), read: false })
        .update({ data: { read: true, readAt: now } })
    } else {
      await notices()
        .where({ ...mine, read: false })
        .update({ data: { read: true, readAt: now } })
    }
    return { unread: await unreadOf(caller.openid) }
  },
})
