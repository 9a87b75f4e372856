/** Typed calls of the `needs` cloud function; see types/needs.ts for each action's schema. */
import type { Page } from '@shared/envelope'
import type {
  CompleteNeedInput,
  ConfirmNeedInput,
  CreateNeedInput,
  ListNeedsInput,
  Need,
  NeedPhotos,
  ReviewNeedInput,
  SeenNeeds,
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

/** The need's photos (temporary URLs): the requester's and the volunteer's completion photos. */
export function getNeedPhotos(id: string): Promise<NeedPhotos> {
  return callFunction<NeedPhotos>(FUNCTION, { action: 'photos', id })
}

/** The requester or a worker takes a requester's photo away; a worker a completion photo. */
export function removeNeedPhoto(id: string, photoId: string): Promise<Need> {
  return callFunction<Need>(FUNCTION, { action: 'removePhoto', id, photoId })
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

/** The volunteer has seen these needs dispatched to them: no longer new, on any phone. */
export function markNeedsSeen(ids: string[]): Promise<SeenNeeds> {
  return callFunction<SeenNeeds>(FUNCTION, { action: 'seen', ids })
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
