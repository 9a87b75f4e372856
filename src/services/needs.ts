/** Typed calls of the `needs` cloud function; see types/needs.ts for each action's schema. */
import Taro from '@tarojs/taro'
import type { Page } from '@shared/envelope'
import type {
  CompleteNeedInput,
  ConfirmNeedInput,
  CreateNeedInput,
  ListNeedsInput,
  Need,
  ReviewNeedInput,
} from '@shared/needs'
import { callFunction } from './cloud'

const FUNCTION = 'needs'

/** Posts a need (a worker adds `onBehalfOf` for an elderly resident); it starts `pending`. */
export function createNeed(input: CreateNeedInput): Promise<Need> {
  return callFunction<Need>(FUNCTION, { action: 'create', ...input })
}

/** One page of needs: mine, the pool (volunteers), the review queue or all (workers), or those I took. */
export function listNeeds(input: ListNeedsInput): Promise<Page<Need>> {
  return callFunction<Page<Need>>(FUNCTION, { action: 'list', ...input })
}

export function getNeed(id: string): Promise<Need> {
  return callFunction<Need>(FUNCTION, { action: 'get', id })
}

/** Workers only: approve a pending need (with its points) or reject it with a reason. */
export function reviewNeed(input: ReviewNeedInput): Promise<Need> {
  return callFunction<Need>(FUNCTION, { action: 'review', ...input })
}

/** Volunteers: take an open need. When several race, one wins and the others get `failed-precondition`. */
export function claimNeed(id: string): Promise<Need> {
  return callFunction<Need>(FUNCTION, { action: 'claim', id })
}

/** Workers only: hand an open need to an approved volunteer. */
export function dispatchNeed(id: string, volunteerOpenid: string): Promise<Need> {
  return callFunction<Need>(FUNCTION, { action: 'dispatch', id, volunteerOpenid })
}

/** The assignee gives the need back to the pool. */
export function releaseNeed(id: string): Promise<Need> {
  return callFunction<Need>(FUNCTION, { action: 'release', id })
}

/** The assignee reports the job done, with the minutes it took. */
export function completeNeed(input: CompleteNeedInput): Promise<Need> {
  return callFunction<Need>(FUNCTION, { action: 'complete', ...input })
}

/** The requester (or a worker for them) confirms a done need and rates it; the volunteer is credited then. */
export function confirmNeed(input: ConfirmNeedInput): Promise<Need> {
  return callFunction<Need>(FUNCTION, { action: 'confirm', ...input })
}

export function cancelNeed(id: string, reason?: string): Promise<Need> {
  return callFunction<Need>(FUNCTION, { action: 'cancel', id, ...(reason ? { reason } : {}) })
}

/** The WeChat subscription templates of the needs notifications (from .env; empty where not configured). */
export const NEED_TEMPLATES = {
  /** To the requester: approved, rejected, claimed, completed. */
  status: process.env.TARO_APP_TEMPLATE_NEED_STATUS || '',
  /** To a volunteer: a worker dispatched a need to them. */
  dispatch: process.env.TARO_APP_TEMPLATE_NEED_DISPATCH || '',
}

/** What came of asking: at least one template accepted, all refused, or nothing was asked. */
export type SubscribeOutcome = 'accepted' | 'refused' | 'skipped'

/**
 * Asks the person to let the mini-program send them the given notifications. WeChat only shows the
 * dialog when this runs inside a tap, so call it from the tap handler before anything is awaited. A
 * refusal, a closed dialog or a switched-off setting is never an error: the person just gets no message.
 */
export async function askForNeedNotices(templateIds: string[]): Promise<SubscribeOutcome> {
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
