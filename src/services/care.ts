/**
 * Typed calls of the `care` function (爱心敲门, docs/API.md `care`): the roster, the service teams, the visits
 * and the door codes; see types/care.ts for each action's schema.
 */
import type { Page } from '@shared/envelope'
import type {
  CareOverview,
  CareTeam,
  DoorCode,
  DueInput,
  DueList,
  LogVisitInput,
  Recipient,
  RecipientDetail,
  RecipientsInput,
  UpsertRecipientInput,
  UpsertTeamInput,
  Visit,
  ArchiveReason,
} from '@shared/care'
import { callFunction } from './cloud'

const FUNCTION = 'care'

/** The template an urgent visit's alert uses (.env; the same id as the function's TEMPLATE_CARE_ALERT). */
export const CARE_TEMPLATES = {
  alert: process.env.TARO_APP_TEMPLATE_CARE_ALERT || '',
}

/** Workers: create a team, rename it or give it a new captain (an approved volunteer). */
export function upsertTeam(input: UpsertTeamInput): Promise<CareTeam> {
  return callFunction<CareTeam>(FUNCTION, { action: 'upsertTeam', ...input })
}

/** Workers: every team, paged; anyone else: the teams they belong to. */
export function listTeams(cursor?: string): Promise<Page<CareTeam>> {
  return callFunction<Page<CareTeam>>(FUNCTION, { action: 'teams', ...(cursor ? { cursor } : {}) })
}

/** The team's captain or a worker: add an approved volunteer to the team. */
export function addMember(teamId: string, openid: string): Promise<CareTeam> {
  return callFunction<CareTeam>(FUNCTION, { action: 'addMember', teamId, openid })
}

/** The team's captain or a worker: take a member off the team (their visits stay). */
export function removeMember(teamId: string, openid: string): Promise<CareTeam> {
  return callFunction<CareTeam>(FUNCTION, { action: 'removeMember', teamId, openid })
}

/** Workers: register a person on the roster, or change their record; `consent: true` is required. */
export function upsertRecipient(input: UpsertRecipientInput): Promise<Recipient> {
  return callFunction<Recipient>(FUNCTION, { action: 'upsertRecipient', ...input })
}

/** Workers: take a person off the roster with a reason; their visits are kept. */
export function archiveRecipient(id: string, reason: ArchiveReason): Promise<Recipient> {
  return callFunction<Recipient>(FUNCTION, { action: 'archiveRecipient', id, reason })
}

/** One page of the active roster, most overdue first. */
export function listRecipients(input: RecipientsInput): Promise<Page<Recipient>> {
  return callFunction<Page<Recipient>>(FUNCTION, { action: 'recipients', ...input })
}

/** A person with their last 10 visits. */
export function getRecipient(id: string): Promise<RecipientDetail> {
  return callFunction<RecipientDetail>(FUNCTION, { action: 'recipient', id })
}

/** Records a visit; the same idempotency key never records a second one. */
export function logVisit(input: LogVisitInput): Promise<Visit> {
  return callFunction<Visit>(FUNCTION, { action: 'logVisit', ...input })
}

/** The captain or a worker (never one of its visitors): confirm a visit, crediting its visitors. */
export function confirmVisit(id: string): Promise<Visit> {
  return callFunction<Visit>(FUNCTION, { action: 'confirmVisit', id })
}

/** 今日待访: who is overdue and who falls due soon. */
export function dueList(input: DueInput = {}): Promise<DueList> {
  return callFunction<DueList>(FUNCTION, { action: 'due', ...input })
}

/** Workers: every team's overdue people and the urgent visits of the last 7 days. */
export function careOverview(): Promise<CareOverview> {
  return callFunction<CareOverview>(FUNCTION, { action: 'overview' })
}

/** Workers: the text of a person's door QR code; `revoke` first invalidates every code printed before. */
export function doorCode(id: string, revoke = false): Promise<DoorCode> {
  return callFunction<DoorCode>(FUNCTION, { action: 'doorCode', id, ...(revoke ? { revoke: true } : {}) })
}
