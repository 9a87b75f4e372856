/**
 * Subscription messages (订阅消息), and the 消息 inbox behind them. Every message is first kept as a notice of
 * its person (`notices`), whether or not they allowed the template: someone who declined still reads it in the
 * app. Template ids come from the function's environment (config.json `envVariables`, e.g.
 * TEMPLATE_VOLUNTEER_REVIEW); a missing id or a refused send never fails the action that caused it — the person
 * simply gets no WeChat message, as when they did not subscribe.
 * Neither the message nor the notice carries an address, a phone number or a note.
 */
import crypto from 'node:crypto'
import type { NoticeRecord } from '../types/notices'
import { cloud, db } from './cloud'

export interface Message {
  touser: string
  /** Name of the environment variable that holds the template id. */
  template: string
  page: string
  data: Record<string, { value: string }>
  /** What the 消息 inbox shows: a short title and one sentence. */
  notice: { title: string; body: string }
  /**
   * Names the event (e.g. `need:<id>:open`): one event keeps one notice per person, however often the
   * action that caused it is retried.
   */
  event: string
}

/** WeChat's limit for `thing` fields is 20 characters. */
export function thing(text: string): { value: string } {
  const chars = Array.from(text)
  return { value: chars.length > 20 ? `${chars.slice(0, 19).join('')}…` : text }
}

/** The notice's id: the same person and event always give the same id (so a retry adds nothing). */
export function noticeId(openid: string, event: string): string {
  return `n-${crypto.createHash('sha256').update(`${openid}\n${event}`).digest('hex').slice(0, 40)}`
}

function noticeOf(message: Message, now: number): NoticeRecord {
  return {
    _id: noticeId(message.touser, message.event),
    openid: message.touser,
    template: message.template,
    title: message.notice.title,
    body: message.notice.body,
    page: message.page,
    createdAt: now,
    read: false,
    readAt: null,
  }
}

/**
 * Keeps the notices (one write for all of them). A notice kept before for the same person and event stays as
 * it was, read or not; a failure to keep them is logged and never fails the action.
 */
async function keep(messages: Message[]): Promise<void> {
  const now = Date.now()
  const notices = [
    ...new Map(messages.filter((m) => m.touser).map((m) => [noticeId(m.touser, m.event), m])).values(),
  ].map((m) => noticeOf(m, now))
  if (notices.length === 0) return
  const notes = db.collection<NoticeRecord>('notices')
  // The database refuses the whole write when one id exists (a retried action): then keep them one by one.
  const added = await (notes.add as (o: { data: object }) => Promise<{ code?: string }>)({
    data: notices,
  }).catch(() => ({ code: 'refused' }))
  if (!added?.code) return
  if (notices.length === 1) return
  for (const notice of notices) await notes.add({ data: notice }).catch(() => undefined)
}

async function send(message: Message): Promise<boolean> {
  const templateId = process.env[message.template]
  if (!templateId || !message.touser) return false
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: message.touser,
      templateId,
      page: message.page,
      data: message.data,
      miniprogramState: process.env.MINIPROGRAM_STATE || 'formal',
    })
    return true
  } catch (err) {
    console.warn('subscribeMessage.send refused', (err as { errCode?: number })?.errCode)
    return false
  }
}

/** Keeps the notice and sends the message; true when WeChat took the message. */
export async function notify(message: Message): Promise<boolean> {
  await keep([message])
  return send(message)
}

/** Several messages at once: their notices in one write, then each message; answers how many WeChat took. */
export async function notifyAll(messages: Message[]): Promise<number> {
  await keep(messages)
  let sent = 0
  for (const message of messages) if (await send(message)) sent++
  return sent
}
