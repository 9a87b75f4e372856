/** Typed calls of the `user` cloud function; see types/user.ts for each action's schema. */
import type { Page } from '@shared/envelope'
import type {
  ApplyVolunteerInput,
  FindPeopleInput,
  ListVolunteersInput,
  Me,
  PersonSummary,
  ReviewVolunteerInput,
  RoleChangeInput,
  RoleHolder,
  UpdateProfileInput,
  VolunteerApplication,
} from '@shared/user'
import type { NoticePage, NoticesInput, ReadNoticesInput } from '@shared/notices'
import type { Workbench } from '@shared/workbench'
import { callFunction } from './cloud'

const FUNCTION = 'user'

/** Who the caller is, with roles, profile, volunteer status and points; creates the user on first call. */
export function login(): Promise<Me> {
  return callFunction<Me>(FUNCTION, { action: 'login' })
}

export function updateProfile(input: UpdateProfileInput): Promise<Me> {
  return callFunction<Me>(FUNCTION, { action: 'updateProfile', ...input })
}

/** Exchanges the phone-number button's code for the person's number, recorded as verified. */
export function verifyPhone(code: string): Promise<Me> {
  return callFunction<Me>(FUNCTION, { action: 'verifyPhone', code })
}

export function applyVolunteer(input: ApplyVolunteerInput): Promise<Me> {
  return callFunction<Me>(FUNCTION, { action: 'applyVolunteer', ...input })
}

/** Workers only. `approve: false` on an approved volunteer suspends them; a reason is required then. */
export function reviewVolunteer(input: ReviewVolunteerInput): Promise<RoleHolder> {
  return callFunction<RoleHolder>(FUNCTION, { action: 'reviewVolunteer', ...input })
}

export function grantRole(input: RoleChangeInput): Promise<RoleHolder> {
  return callFunction<RoleHolder>(FUNCTION, { action: 'grantRole', ...input })
}

export function revokeRole(input: RoleChangeInput): Promise<RoleHolder> {
  return callFunction<RoleHolder>(FUNCTION, { action: 'revokeRole', ...input })
}

/** Workers only: one page of volunteer applications, newest first. */
export function listVolunteers(input: ListVolunteersInput = {}): Promise<Page<VolunteerApplication>> {
  return callFunction<Page<VolunteerApplication>>(FUNCTION, { action: 'listVolunteers', ...input })
}

/** Workers only: people whose name contains `q`, or whose phone is `q` (all 11 digits or the last 4). */
export function findPeople(input: FindPeopleInput = {}): Promise<{ items: PersonSummary[] }> {
  return callFunction<{ items: PersonSummary[] }>(FUNCTION, { action: 'findPeople', ...input })
}

/** The WeChat subscription template of the volunteer review result (from .env; empty where not configured). */
export const VOLUNTEER_TEMPLATES = {
  /** To the applicant: approved or not, with the reason. */
  review: process.env.TARO_APP_TEMPLATE_VOLUNTEER_REVIEW || '',
}

/** The caller's 消息, newest first, with how many are unread in all. */
export function listNotices(input: NoticesInput = {}): Promise<NoticePage> {
  return callFunction<NoticePage>(FUNCTION, { action: 'notices', ...input })
}

/** Marks the given notices (or all of them) read; answers how many stay unread. */
export function readNotices(input: ReadNoticesInput): Promise<{ unread: number }> {
  return callFunction<{ unread: number }>(FUNCTION, { action: 'readNotices', ...input })
}

/** Workers only: counts of what waits for a decision (工作台). */
export function getWorkbench(): Promise<Workbench> {
  return callFunction<Workbench>(FUNCTION, { action: 'workbench' })
}
