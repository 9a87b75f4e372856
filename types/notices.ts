/**
 * 消息: every notice the functions send a person (server/notify.ts) is also kept for them here, whether or
 * not they allowed WeChat's subscription message, so that someone who declined still reads it in the app.
 * A notice carries no address, phone number or note — the same rule as the messages.
 */
import * as z from 'zod/mini'
import { idSchema, pagingFields } from './fields'

/** One notice of one person, as stored (`notices`; `_id` derived from the person and the event). */
export interface NoticeRecord {
  _id: string
  openid: string
  /** The subscription template it went out as (e.g. TEMPLATE_NEED_STATUS). */
  template: string
  title: string
  body: string
  /** The page it opens, as the message's `page`: without a leading slash, query included. */
  page: string
  createdAt: number
  read: boolean
  readAt: number | null
}

/** A notice as its person sees it. */
export interface Notice {
  id: string
  title: string
  body: string
  page: string
  createdAt: number
  readAt: number | null
}

export const noticesInput = z.strictObject({ ...pagingFields })

/** Marks the given notices read, or all of them. */
export const readNoticesInput = z
  .strictObject({
    ids: z.optional(
      z
        .array(idSchema('消息'), { error: '请选择要标为已读的消息' })
        .check(
          z.minLength(1, { error: '请选择要标为已读的消息' }),
          z.maxLength(20, { error: '一次最多标记20条消息' }),
        ),
    ),
    all: z.optional(z.literal(true, { error: '“全部已读”的设置不正确' })),
  })
  .check(
    z.refine((v) => Boolean(v.ids) !== Boolean(v.all), {
      error: '请选择要标为已读的消息，或选择全部已读',
    }),
  )

export type NoticesInput = z.infer<typeof noticesInput>
export type ReadNoticesInput = z.infer<typeof readNoticesInput>

/** `user.notices`: a page of the caller's notices, newest first, and how many are unread in all. */
export interface NoticePage {
  items: Notice[]
  nextCursor: string | null
  unread: number
  /** Needs a worker dispatched to the caller, still assigned, that they have not seen (a volunteer's 我的任务). */
  newTasks: number
  /** What the 我的 tab shows: unread notices and new tasks, a new task's own dispatch notice counted once. */
  badge: number
}

export function toNotice(r: NoticeRecord): Notice {
  return { id: r._id, title: r.title, body: r.body, page: r.page, createdAt: r.createdAt, readAt: r.readAt }
}
