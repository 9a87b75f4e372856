/** What the `user` function shows of a user record, to its owner and to workers. */
import { emptyService } from '../../../types/service'
import { maskPhone } from '../../../types/text'
import type { UserRecord } from '../../../types/records'
import type { Me, Role, RoleHolder, VolunteerApplication, VolunteerInfo } from '../../../types/user'
import { ROLES } from '../../../types/user'
import { effectiveRoles } from '../../../server/users'

export function rolesOf(user: UserRecord): Role[] {
  const held = effectiveRoles(user)
  return ROLES.filter((r) => held.has(r))
}

function volunteerInfo(user: UserRecord): VolunteerInfo | null {
  const v = user.volunteer
  if (!v) return null
  return {
    status: v.status,
    realName: v.realName,
    skills: v.skills,
    ...(v.reason ? { reason: v.reason } : {}),
  }
}

export function toMe(user: UserRecord): Me {
  const { balance, held, earned, spent } = user.points
  return {
    openid: user.openid,
    roles: rolesOf(user),
    profile: {
      nickname: user.nickname,
      community: user.community,
      phoneMasked: maskPhone(user.phone),
      phoneVerified: Boolean(user.phone && user.phoneVerifiedAt),
      elderMode: user.elderMode,
    },
    volunteer: volunteerInfo(user),
    merchantId: user.merchantId,
    points: { balance, held, available: balance - held, earned, spent },
    service: user.service ?? emptyService(),
  }
}

export function toRoleHolder(user: UserRecord): RoleHolder {
  return {
    openid: user.openid,
    roles: rolesOf(user),
    merchantId: user.merchantId,
    volunteer: volunteerInfo(user),
  }
}

/** Workers review applications, so they see the applicant's real name and phone. */
export function toApplication(user: UserRecord): VolunteerApplication {
  const v = user.volunteer!
  return {
    openid: user.openid,
    nickname: user.nickname,
    realName: v.realName,
    phone: v.phone,
    skills: v.skills,
    status: v.status,
    appliedAt: v.appliedAt,
    reviewedAt: v.reviewedAt,
    reason: v.reason,
  }
}
