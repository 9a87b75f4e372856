/**
 * The documents as they are stored in the database, one interface per collection. The functions own
 * these shapes; the seeds and the tests write and read them directly. Times are epoch milliseconds.
 */
import type { ActivityStatus, ParticipationState } from './activities'
import type { CornerKind, LatLng, ProjectCategory, ProjectStatus, Schedule } from './corners'
import type { MerchantKind, OrderStatus } from './mall'
import type { NeedCategory, NeedRelease, NeedStatus, PersonRef, Urgency } from './needs'
import type { EntryKind } from './points'
import type { ServiceTotals } from './service'
import type { Role, VolunteerStatus } from './user'

/** The wrong tries a guess limit counts (server/lockout.ts): when each was made, within the window. */
export interface MissLog {
  missedAt: number[]
  /** The last try counted, right or wrong (absent: none yet). */
  triedAt?: number
}

/** `users/<openid>`: one per person who ever called a function, plus people created by a worker. */
export interface UserRecord {
  _id: string
  openid: string
  /** Granted roles; `resident` always, `volunteer` once approved. Workers in ADMIN_OPENIDS get `worker` on top. */
  roles: Role[]
  nickname: string
  phone: string | null
  /**
   * When WeChat vouched for `phone` (user.verifyPhone); null or absent: the number was typed. A verified
   * number belongs to one account (`phones/<number>`).
   */
  phoneVerifiedAt?: number | null
  community: string
  address: string | null
  elderMode: boolean
  volunteer: VolunteerRecord | null
  merchantId: string | null
  /** The person's points, kept beside the profile so that a summary is one read. */
  points: PointsRecord
  /** Confirmed minutes of service (types/service.ts); absent: none yet. */
  service?: ServiceTotals
  /** Orders that count toward each reward's per-person limit (held or redeemed), by reward id. */
  mallOrders?: Record<string, number>
  /**
   * Volunteers: when they released needs back to the pool, within RELEASE_WINDOW_MS (absent: never); a
   * worker's dispatch to them empties it.
   */
  releasedAt?: number[]
  /** Shop staff: when they looked up digits that matched no live code (absent: never). */
  lookupLock?: MissLog
  createdAt: number
  updatedAt: number
}

export interface VolunteerRecord {
  status: VolunteerStatus
  realName: string
  phone: string
  skills: string[]
  appliedAt: number
  reviewedAt: number | null
  reviewedBy: string | null
  reason: string | null
}

/** `merchants/<id>`: a partner shop of the points supermarket. */
export interface MerchantRecord {
  _id: string
  name: string
  kind: MerchantKind
  address: string
  active: boolean
  /** When its staff looked up digits that matched no live code, all of them together (absent: never). */
  lookupLock?: MissLog
  createdAt: number
  updatedAt: number
}

/**
 * A person's points. balance = Σ ledger deltas, held = Σ cost of their held orders,
 * available = balance − held ≥ 0.
 * `earned` counts every gain; the board (积分公示) counts only gains it may publish (`countsOnBoard`: not a
 * worker's free-number adjustment): `boardEarned` all-time, `month`/`monthEarned` in the current month
 * (Asia/Shanghai).
 */
export interface PointsRecord {
  balance: number
  held: number
  earned: number
  spent: number
  boardEarned: number
  month: string
  monthEarned: number
}

export function emptyPoints(): PointsRecord {
  return { balance: 0, held: 0, earned: 0, spent: 0, boardEarned: 0, month: '', monthEarned: 0 }
}

/** `ledger/<id>`: one point change, written once; the id is derived from the change's idempotency key. */
export interface LedgerRecord {
  _id: string
  openid: string
  delta: number
  kind: EntryKind
  refId: string
  note: string
  /** Who caused it: a worker's openid, or `system`. */
  operator: string
  createdAt: number
  balanceAfter: number
  /** The person's display name when the entry was written (shown masked on the public board). */
  name: string
  /** Civic awards and deductions are published on the board (积分公示). */
  public: boolean
  /** What the change was asked with, to tell a retry from a different request under the same key. */
  fingerprint: string
}

/** `needs/<id>`: a resident's request for help and its whole life. */
/** A need's photo: a stable id for the app, and where it is kept (never shown to the app). */
export interface NeedPhotoRecord {
  id: string
  fileID: string
}

export interface NeedRecord {
  _id: string
  category: NeedCategory
  title: string
  description: string
  urgency: Urgency
  status: NeedStatus
  requester: PersonRef
  onBehalfOf: { name: string } | null
  assignee: PersonRef | null
  points: number
  preferredTime: string
  minutes: number | null
  completionNote: string
  rating: number | null
  comment: string
  rejectReason: string
  cancelReason: string
  address: string
  contactPhone: string
  /** The place picked on the map when posted; absent on needs posted before it could be. */
  location?: { lat: number; lng: number } | null
  /** Each time a volunteer released it back to the pool, oldest first (absent: never). */
  releases?: NeedRelease[]
  /** Up to 3 photos the requester attached, in cloud storage (read only through needs.photos). */
  photos?: NeedPhotoRecord[]
  /** Up to 3 photos the assignee took when marking it done (needs.complete), read the same way. */
  completionPhotos?: NeedPhotoRecord[]
  reviewedBy: string | null
  /** The ledger entry that credited the assignee (set once, on confirmation). */
  creditEntryId: string | null
  /** The requester's community when it was posted (the recipient's for a need raised on a visit); the report's dimension. */
  community?: string
  /** When a worker last dispatched it (needs.dispatch); absent: never dispatched. */
  dispatchedAt?: number | null
  /**
   * The volunteer it was dispatched to, until they have seen it (needs.seen: 我的任务 or the need's page);
   * null or absent: nothing unseen. Counted only while that volunteer is its assignee and it is assigned.
   */
  unseenBy?: string | null
  /** When a volunteer first took it (claim or dispatch; a release keeps it); absent: never. */
  claimedAt?: number | null
  /** When the volunteer marked it done; absent: never. */
  doneAt?: number | null
  /** When it was confirmed; absent: not confirmed. */
  confirmedAt?: number | null
  createdAt: number
  updatedAt: number
}

/** `rewards/<id>`: what a shop offers for points. */
export interface RewardRecord {
  _id: string
  merchantId: string
  /** The shop's kind, copied here so the catalogue can be read by kind through an index. */
  merchantKind: MerchantKind
  /** The shop's name, copied here so that an order needs no extra read (kept in step by upsertMerchant). */
  merchantName: string
  /**
   * Whether the shop takes orders, copied here so that an order needs no extra read (kept in step by
   * upsertMerchant; a paused shop takes no orders).
   */
  merchantActive: boolean
  title: string
  cost: number
  /** What can still be ordered. */
  stock: number
  /** All stock ever put in: stock + held orders + redeemed orders = stockTotal. */
  stockTotal: number
  perUserLimit: number
  active: boolean
  /** The reward's picture in cloud storage (`public/rewards/…`), checked by mall.setRewardPhoto; none yet. */
  photo?: string | null
  createdAt: number
  updatedAt: number
}

/**
 * `orders/<id>`: an order of a reward. While `held`, it holds its cost of the person's points (the
 * person's `points.held` counts it) and one unit of stock. The id is derived from the person and their
 * idempotency key, so a retried order is the same order.
 */
export interface OrderRecord {
  _id: string
  openid: string
  customerName: string
  rewardId: string
  rewardTitle: string
  merchantId: string
  merchantName: string
  cost: number
  status: OrderStatus
  /** The current redemption code's nonce and expiry: a newer code replaces older ones. */
  codeNonce: string | null
  codeExpiresAt: number | null
  /** The current code's digits (see SHORT_CODE_DIGITS), found through the merchant_short index. */
  codeShort: string | null
  createdAt: number
  expiresAt: number
  redeemedAt: number | null
  /** The shop staff who scanned the code. */
  redeemedBy: string | null
  redeemedByName: string | null
  closedAt: number | null
  /** The ledger entry that took the points at redemption. */
  entryId: string | null
}

/** `corners/<id>`: a 街头公益角. `projectIds` are the active projects shown there; projectCount is its length. */
export interface CornerRecord {
  _id: string
  name: string
  kind: CornerKind
  address: string
  location: LatLng
  schedule: Schedule
  projectIds: string[]
  projectCount: number
  createdAt: number
  updatedAt: number
  /** The cover in cloud storage (`public/<collection>/<id>/…`, server/covers.ts), or none. */
  cover?: string | null
}

/** `projects/<id>`: a charity project; while active it is listed in each of its corners' `projectIds`. */
export interface ProjectRecord {
  _id: string
  title: string
  org: string
  category: ProjectCategory
  summary: string
  description: string
  cornerIds: string[]
  status: ProjectStatus
  createdAt: number
  updatedAt: number
  updatedBy: string
  /** The cover in cloud storage (`public/<collection>/<id>/…`, server/covers.ts), or none. */
  cover?: string | null
}

/**
 * `activities/<id>`: a shift with a window and a capacity. `signedUp` counts the sign-ups that hold a place
 * and changes only in the same transaction as the sign-up document, so it never passes `capacity`.
 */
export interface ActivityRecord {
  _id: string
  projectId: string | null
  cornerId: string | null
  title: string
  location: string
  startAt: number
  endAt: number
  capacity: number
  signedUp: number
  pointsPerHour: number
  status: ActivityStatus
  createdBy: string
  createdAt: number
  updatedAt: number
  /** The cover in cloud storage (`public/<collection>/<id>/…`, server/covers.ts), or none. */
  cover?: string | null
}

/**
 * `signups/<activityId>:<openid>`: one person's place in one activity (one document per pair, so signing
 * up twice finds it). The activity's title and window are copied for the person's own list; the window
 * cannot move once anyone has signed up.
 */
export interface SignupRecord {
  _id: string
  activityId: string
  openid: string
  /** The person's display name when they signed up (for the organiser's attendance list). */
  name: string
  /**
   * Copies of the activity's title, window, rate and status, so that confirming the minutes needs no read
   * of the activity: the window never moves once people have signed up, and `activities.upsert` carries a
   * new title, rate or status over to every sign-up.
   */
  title: string
  startAt: number
  endAt: number
  pointsPerHour: number
  activityStatus: ActivityStatus
  /** The activity's corner when the person signed up (the report counts attendance by it); absent: none. */
  cornerId?: string | null
  state: ParticipationState
  signedAt: number
  cancelledAt: number | null
  checkinAt: number | null
  checkoutAt: number | null
  minutes: number | null
  points: number | null
  /** The ledger entry that credited the minutes (null when they earned no points). */
  entryId: string | null
  confirmedBy: string | null
  confirmedAt: number | null
  /**
   * When wrong on-site codes were typed for this place (absent: never). The misses belong to the person and
   * the activity: cancelling keeps them in the agenda, and signing up again brings them back.
   */
  codeLock?: MissLog
  updatedAt: number
}

/** One place a person holds, as their agenda remembers it. */
export interface AgendaSlot {
  activityId: string
  title: string
  startAt: number
  endAt: number
}

/**
 * `agendas/<openid>`: the windows of the sign-ups a person holds that have not ended. Read and written in
 * the same transaction as each sign-up and cancellation, so that two sign-ups racing for overlapping
 * activities cannot both pass the overlap check.
 */
export interface AgendaRecord {
  _id: string
  openid: string
  slots: AgendaSlot[]
  /**
   * Wrong on-site codes of places the person cancelled, by activity id, while they still count: a new
   * sign-up for the same activity starts with them (absent: none).
   */
  codeLocks?: Record<string, MissLog>
  updatedAt: number
}

/** `phones/<number>`: which account a verified phone number belongs to (one account per number). */
export interface PhoneRecord {
  _id: string
  openid: string
  verifiedAt: number
}
