/**
 * What each caller may see of a need. The address (and its place on the map) and the phone number are for the requester, the
 * workers, and the assignee while the job is active (assigned or done); everyone else sees neither (only
 * a masked phone number).
 */
import type { Need } from '../../../types/needs'
import type { NeedRecord } from '../../../types/records'
import { maskPhone } from '../../../types/text'
import type { Caller } from '../../../server/handler'

export function maySeeContact(need: NeedRecord, viewer: Caller): boolean {
  if (viewer.roles.has('worker')) return true
  if (viewer.openid && need.requester.openid === viewer.openid) return true
  const active = need.status === 'assigned' || need.status === 'done'
  return active && need.assignee?.openid === viewer.openid
}

/** May the caller open this need at all? */
export function mayView(need: NeedRecord, viewer: Caller): boolean {
  if (viewer.roles.has('worker')) return true
  if (need.requester.openid === viewer.openid) return true
  if (need.assignee?.openid === viewer.openid) return true
  return need.status === 'open' && viewer.roles.has('volunteer')
}

/** Dispatched to `openid`, still theirs, and not seen by them yet. */
export function isUnseenBy(
  need: Pick<NeedRecord, 'unseenBy' | 'status' | 'assignee'>,
  openid: string,
): boolean {
  return (
    Boolean(openid) &&
    need.unseenBy === openid &&
    need.status === 'assigned' &&
    need.assignee?.openid === openid
  )
}

export function toNeed(r: NeedRecord, viewer: Caller): Need {
  const need: Need = {
    id: r._id,
    category: r.category,
    title: r.title,
    description: r.description,
    urgency: r.urgency,
    status: r.status,
    requester: r.requester,
    onBehalfOf: r.onBehalfOf,
    assignee: r.assignee,
    points: r.points,
    preferredTime: r.preferredTime,
    minutes: r.minutes,
    completionNote: r.completionNote,
    rating: r.rating,
    comment: r.comment,
    rejectReason: r.rejectReason,
    cancelReason: r.cancelReason,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    photoCount: r.photos?.length ?? 0,
    completionPhotoCount: r.completionPhotos?.length ?? 0,
  }
  if (viewer.roles.has('worker')) need.releases = r.releases ?? []
  if (isUnseenBy(r, viewer.openid)) need.unseen = true
  if (maySeeContact(r, viewer)) {
    need.address = r.address
    need.contactPhone = r.contactPhone
    need.location = r.location ?? null
  } else {
    need.contactPhoneMasked = maskPhone(r.contactPhone) || '****'
  }
  return need
}
