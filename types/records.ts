/**
 * The documents as they are stored in the database, one interface per collection. The functions own
 * these shapes; the seeds and the tests write and read them directly. Times are epoch milliseconds.
 */
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
  points: { balance: number; held: number; earned: number; spent: number }
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

export function emptyPoints(): UserRecord['points'] {
  return { balance: 0, held: 0, earned: 0, spent: 0 }
}
