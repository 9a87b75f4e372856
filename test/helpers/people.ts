/** People written straight into the database by tests that need many of them at once. */
import { emptyPoints } from '../../types/records'

/** An approved volunteer's user record, as user.reviewVolunteer leaves it (approved by `reviewedBy`). */
export function approvedVolunteer(
  openid: string,
  reviewedBy: string,
  fields: { nickname?: string; community?: string; skills?: string[] } = {},
) {
  const now = Date.now()
  return {
    _id: openid,
    openid,
    roles: ['resident', 'volunteer'],
    nickname: fields.nickname ?? `志愿者${openid}`,
    phone: null,
    community: fields.community ?? '',
    address: null,
    elderMode: false,
    volunteer: {
      status: 'approved',
      realName: '测试',
      phone: '13900000000',
      skills: fields.skills ?? ['x'],
      appliedAt: now,
      reviewedAt: now,
      reviewedBy,
      reason: null,
    },
    merchantId: null,
    points: emptyPoints(),
    createdAt: now,
    updatedAt: now,
  }
}
