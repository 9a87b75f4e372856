/**
 * WeChat subscription messages: a person allows the mini-program, template by template, to send them a
 * notice later (a need approved, a place in a cancelled activity). The templates come from .env.
 */
import Taro from '@tarojs/taro'

/** What came of asking: at least one template accepted, all refused, or nothing was asked. */
export type SubscribeOutcome = 'accepted' | 'refused' | 'skipped'

/**
 * Asks the person to let the mini-program send them the given notifications. WeChat only shows the
 * dialog when this runs inside a tap, so call it from the tap handler before anything is awaited. A
 * refusal, a closed dialog or a switched-off setting is never an error: the person just gets no message.
 */
export async function askForNotices(templateIds: string[]): Promise<SubscribeOutcome> {
  const tmplIds = Array.from(new Set(templateIds.filter(Boolean)))
  // H5 has no subscription messages.
  if (process.env.TARO_ENV !== 'weapp' || tmplIds.length === 0) return 'skipped'
  try {
    const result = await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)
    // The answer maps each template id to 'accept', 'reject', 'ban' or 'filter'.
    const answers = result as unknown as Record<string, string>
    return tmplIds.some((id) => answers[id] === 'accept') ? 'accepted' : 'refused'
  } catch {
    return 'refused'
  }
}
