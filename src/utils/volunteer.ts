import type { Me } from '@shared/user'

/** A resident may apply when they have never applied or were not approved (or were suspended). */
export function canApplyVolunteer(me: Me | null): boolean {
  if (!me || me.roles.includes('volunteer')) return false
  return me.volunteer === null || me.volunteer.status === 'rejected'
}
