/**
 * The documents as they are stored in the database, one interface per collection. The functions own
 * these shapes; the seeds and the tests write and read them directly. Times are epoch milliseconds.
 */
import type { NeedCategory, NeedStatus, PersonRef, Urgency } from './needs'
import type { EntryKind } from './points'
import type { Role, VolunteerStatus } from './user'

/** `users/<openid>`: one per person who ever called a function, plus people created by a worker. */
export interface UserRecord {
  _id: string
  openid: string
  /** Granted roles; `resident` always, `volunteer` once approved. Workers in ADMIN_OPENIDS get `worker` on top. */
  roles: Role[]
  nickname: string
  phone: string | null
  community: string
  address: string | null
  elderMode: boolean
  volunteer: VolunteerRecord | null
  merchantId: string | null
  /** The person's points, kept beside the profile so that a summary is one read. */
  points: PointsRecord
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

export type MerchantKind = 'supermarket' | 'clinic' | 'pharmacy' | 'repair' | 'other'

/** `merchants/<id>`: a partner shop of the points supermarket. */
export interface MerchantRecord {
  _id: string
  name: string
  kind: MerchantKind
  address: string
  active: boolean
  createdAt: number
  updatedAt: number
}

/**
 * A person's points. balance = Σ ledger deltas, held = Σ open holds, available = balance − held ≥ 0.
 * `month`/`monthEarned` carry what was earned in the current month (Asia/Shanghai) for the board.
 */
export interface PointsRecord {
  balance: number
  held: number
  earned: number
  spent: number
  month: string
  monthEarned: number
}

export function emptyPoints(): PointsRecord {
  return { balance: 0, held: 0, earned: 0, spent: 0, month: '', monthEarned: 0 }
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

/** `holds/<id>`: points set aside for a pending order; the id is derived from the order. */
export interface HoldRecord {
  _id: string
  openid: string
  amount: number
  refId: string
  status: 'open' | 'released' | 'captured'
  createdAt: number
  closedAt: number | null
}

/** `needs/<id>`: a resident's request for help and its whole life. */
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
  reviewedBy: string | null
  /** The ledger entry that credited the assignee (set once, on confirmation). */
  creditEntryId: string | null
  createdAt: number
  updatedAt: number
}
