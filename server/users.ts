/** Reading and creating the caller's user record; roles as the functions apply them. */
import { emptyPoints, type UserRecord } from '../types/records'
import type { Role } from '../types/user'
import { adminOpenids, db } from './cloud'
import { isDuplicate } from './docs'

const users = () => db.collection<UserRecord>('users')

export function newUserRecord(openid: string, now: number): UserRecord {
  return {
    _id: openid,
    openid,
    roles: ['resident'],
    nickname: '',
    phone: null,
    community: '',
    address: null,
    elderMode: false,
    volunteer: null,
    merchantId: null,
    points: emptyPoints(),
    createdAt: now,
    updatedAt: now,
  }
}

export async function getUser(openid: string): Promise<UserRecord | null> {
  const res = await users().where({ _id: openid }).limit(1).get()
  return res.data[0] ?? null
}

/** The caller's record, created on its first call of any action (racing first calls create one). */
export async function ensureUser(openid: string): Promise<UserRecord> {
  const found = await getUser(openid)
  if (found) return found
  const record = newUserRecord(openid, Date.now())
  try {
    await users().add({ data: record })
    return record
  } catch (err) {
    if (!isDuplicate(err)) throw err
    const again = await getUser(openid)
    if (!again) throw err
    return again
  }
}

/** Stored roles, plus `worker` for ADMIN_OPENIDS; everyone with an openid is a resident. */
export function effectiveRoles(user: UserRecord | null): Set<Role> {
  if (!user) return new Set()
  const roles = new Set<Role>(user.roles)
  roles.add('resident')
  if (adminOpenids().has(user.openid)) roles.add('worker')
  return roles
}

/** A display name: the nickname, else the volunteer's real name, else a neutral word. */
export function displayName(user: Pick<UserRecord, 'nickname' | 'volunteer'>): string {
  return user.nickname || user.volunteer?.realName || '微信用户'
}
