/**
 * Subscription messages (订阅消息). Template ids come from the function's environment
 * (config.json `envVariables`, e.g. TEMPLATE_VOLUNTEER_REVIEW); a missing id or a refused send never
 * fails the action that caused it — the person simply gets no message, as when they did not subscribe.
 */
import { cloud } from './cloud'

export interface Message {
  touser: string
  /** Name of the environment variable that holds the template id. */
  template: string
  page: string
  data: Record<string, { value: string }>
}

/** WeChat's limit for `thing` fields is 20 characters. */
export function thing(text: string): { value: string } {
  const chars = Array.from(text)
  return { value: chars.length > 20 ? `${chars.slice(0, 19).join('')}…` : text }
}

export async function notify(message: Message): Promise<boolean> {
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
