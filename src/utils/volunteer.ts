import { RELEASE_LIMIT } from '@shared/needs'
import type { Me } from '@shared/user'

/** A resident may apply when they have never applied or were not approved (or were suspended). */
export function canApplyVolunteer(me: Me | null): boolean {
  if (!me || me.roles.includes('volunteer')) return false
  return me.volunteer === null || me.volunteer.status === 'rejected'
}

/** Said before a volunteer releases a need (the limit of needs.claim). */
export const RELEASE_NOTE = `7天里放弃${RELEASE_LIMIT}次后，要等社工给您派一次单才能再接单。`
