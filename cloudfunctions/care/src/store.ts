/**
 * Reading teams, memberships and recipients, and who may see them. A recipient is seen by workers and by
 * the captain and members of its team; to anyone else its id answers `not-found` exactly as a missing one
 * does, so an id reveals nothing. Membership is `care_members/<teamId>:<openid>`, one document per person
 * and team.
 */
import type { CareMemberRecord, CareTeamRecord, PersonName, RecipientRecord } from '../../../types/care'
import { db } from '../../../server/cloud'
import { byId } from '../../../server/docs'
import { denied, notFound } from '../../../server/errors'
import type { Caller } from '../../../server/handler'

export { byId, newId, readOptional } from '../../../server/docs'

export const NO_RECIPIENT = '没有找到这位关爱对象'
export const NO_TEAM = '没有找到这个服务队'
export const NOT_MEMBER = '您不是这个服务队的队员'

export const memberId = (teamId: string, openid: string): string => `${teamId}:${openid}`

export const isWorker = (caller: Caller): boolean => caller.roles.has('worker')

export async function findTeam(id: string): Promise<CareTeamRecord> {
  const team = await byId<CareTeamRecord>('care_teams', id)
  if (!team) throw notFound(NO_TEAM)
  return team
}

/** The caller's memberships (a person belongs to a handful of teams at most). */
export async function myMemberships(openid: string): Promise<CareMemberRecord[]> {
  const res = await db.collection<CareMemberRecord>('care_members').where({ openid }).limit(100).get()
  return res.data
}

/** Workers pass; anyone else must belong to the team (`permission-denied` otherwise). */
export async function assertInTeam(caller: Caller, teamId: string): Promise<void> {
  if (isWorker(caller)) return
  const member = await byId<CareMemberRecord>('care_members', memberId(teamId, caller.openid))
  if (!member) throw denied(NOT_MEMBER)
}

/** A recipient the caller may see: workers, and the members of its team; `not-found` to anyone else. */
export async function visibleRecipient(caller: Caller, id: string): Promise<RecipientRecord> {
  const recipient = await byId<RecipientRecord>('care_recipients', id)
  if (!recipient) throw notFound(NO_RECIPIENT)
  if (isWorker(caller)) return recipient
  const member = await byId<CareMemberRecord>('care_members', memberId(recipient.teamId, caller.openid))
  if (!member) throw notFound(NO_RECIPIENT)
  return recipient
}

/** Is this person the team's captain or one of its members? */
export const inTeam = (team: CareTeamRecord, openid: string): PersonName | undefined =>
  team.members.find((m) => m.openid === openid)
