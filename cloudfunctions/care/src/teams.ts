/**
 * Service teams: a worker names a team and appoints its captain from the approved volunteers; the captain
 * (or a worker) adds and removes members. The team document holds its members' names (read whole on every
 * visit); each membership is also its own document, so that "my teams" is one indexed read.
 */
import {
  MAX_TEAM_MEMBERS,
  memberInput,
  teamsInput,
  toTeam,
  upsertTeamInput,
  type CareMemberRecord,
  type CareTeam,
  type CareTeamRecord,
} from '../../../types/care'
import type { Page } from '../../../types/envelope'
import type { UserRecord } from '../../../types/records'
import { _, db } from '../../../server/cloud'
import { assertSafeText } from '../../../server/content'
import { denied, notFound, precondition } from '../../../server/errors'
import { action, type Caller } from '../../../server/handler'
import { afterCursor, decodeCursor, pageOf } from '../../../server/paging'
import { inTransaction } from '../../../server/transaction'
import { displayName } from '../../../server/users'
import { byId, inTeam, isWorker, memberId, myMemberships, newId, NO_TEAM, readOptional } from './store'

/** An approved volunteer, or `failed-precondition` in words a worker understands. */
async function approvedVolunteer(openid: string): Promise<UserRecord> {
  const user = await byId<UserRecord>('users', openid)
  if (!user) throw notFound('没有找到这位志愿者')
  if (user.volunteer?.status !== 'approved' || !user.roles.includes('volunteer'))
    throw precondition('只有通过审核的志愿者才能加入服务队')
  return user
}

const nameOf = (user: UserRecord) => user.volunteer?.realName || displayName(user)

export const upsertTeam = action({
  input: upsertTeamInput,
  who: 'worker',
  run: async (args): Promise<CareTeam> => {
    await assertSafeText('', [args.name])
    const captainUser = await approvedVolunteer(args.captainOpenid)
    const captain = { openid: captainUser.openid, name: nameOf(captainUser) }
    const id = args.id ?? newId()
    const team = await inTransaction(async (tx): Promise<CareTeamRecord> => {
      const now = Date.now()
      const old = args.id ? await readOptional(tx.collection<CareTeamRecord>('care_teams').doc(id)) : null
      if (args.id && !old) throw notFound(NO_TEAM)
      const members = old ? old.members.filter((m) => m.openid !== captain.openid) : []
      if (members.length + 1 > MAX_TEAM_MEMBERS) throw precondition(`一个服务队最多${MAX_TEAM_MEMBERS}人`)
      const record: CareTeamRecord = {
        _id: id,
        name: args.name,
        captain,
        members: [captain, ...members],
        communities: args.communities ?? old?.communities ?? [],
        ...(old?.remindedOn ? { remindedOn: old.remindedOn } : {}),
        createdAt: old?.createdAt ?? now,
        updatedAt: now,
      }
      const { _id, ...fields } = record
      await tx.collection('care_teams').doc(_id).set({ data: fields })
      const membership: Omit<CareMemberRecord, '_id'> = {
        teamId: id,
        openid: captain.openid,
        name: captain.name,
        captain: true,
        joinedAt: now,
      }
      await tx.collection('care_members').doc(memberId(id, captain.openid)).set({ data: membership })
      if (old && old.captain.openid !== captain.openid) {
        await tx
          .collection('care_members')
          .doc(memberId(id, old.captain.openid))
          .update({ data: { captain: false } })
      }
      return record
    })
    return toTeam(team)
  },
})

export const teams = action({
  input: teamsInput,
  run: async (args, caller): Promise<Page<CareTeam>> => {
    const limit = args.limit ?? 20
    const cursor = decodeCursor(args.cursor)
    if (isWorker(caller)) {
      const res = await db
        .collection<CareTeamRecord>('care_teams')
        .where(afterCursor('createdAt', cursor))
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'asc')
        .limit(limit + 1)
        .get()
      const page = pageOf(res.data, limit, (t) => t.createdAt)
      return { items: page.rows.map(toTeam), nextCursor: page.nextCursor }
    }
    // A volunteer's own teams: a handful, answered whole.
    const ids = (await myMemberships(caller.openid)).map((m) => m.teamId)
    if (ids.length === 0) return { items: [], nextCursor: null }
    const res = await db
      .collection<CareTeamRecord>('care_teams')
      .where({ _id: _.in(ids) })
      .limit(100)
      .get()
    res.data.sort((a, b) => b.createdAt - a.createdAt || a._id.localeCompare(b._id))
    return { items: res.data.map(toTeam), nextCursor: null }
  },
})

/** The team's captain or a worker may change its members. */
function assertCaptain(caller: Caller, team: CareTeamRecord): void {
  if (!isWorker(caller) && team.captain.openid !== caller.openid)
    throw denied('只有队长或社工可以调整服务队成员')
}

export const addMember = action({
  input: memberInput,
  run: async (args, caller): Promise<CareTeam> => {
    const user = await approvedVolunteer(args.openid)
    const person = { openid: user.openid, name: nameOf(user) }
    const team = await inTransaction(async (tx): Promise<CareTeamRecord> => {
      const t = await readOptional(tx.collection<CareTeamRecord>('care_teams').doc(args.teamId))
      if (!t) throw notFound(NO_TEAM)
      assertCaptain(caller, t)
      if (inTeam(t, person.openid)) return t
      if (t.members.length >= MAX_TEAM_MEMBERS) throw precondition(`一个服务队最多${MAX_TEAM_MEMBERS}人`)
      const now = Date.now()
      const members = [...t.members, person]
      await tx
        .collection('care_teams')
        .doc(t._id)
        .update({ data: { members: _.set(members), updatedAt: now } })
      const membership: Omit<CareMemberRecord, '_id'> = {
        teamId: t._id,
        openid: person.openid,
        name: person.name,
        captain: false,
        joinedAt: now,
      }
      await tx.collection('care_members').doc(memberId(t._id, person.openid)).set({ data: membership })
      return { ...t, members, updatedAt: now }
    })
    return toTeam(team)
  },
})

export const removeMember = action({
  input: memberInput,
  run: async (args, caller): Promise<CareTeam> => {
    const team = await inTransaction(async (tx): Promise<CareTeamRecord> => {
      const t = await readOptional(tx.collection<CareTeamRecord>('care_teams').doc(args.teamId))
      if (!t) throw notFound(NO_TEAM)
      assertCaptain(caller, t)
      if (t.captain.openid === args.openid) throw precondition('队长不能被移出；请社工先换一位队长')
      if (!inTeam(t, args.openid)) throw notFound('这位志愿者不在这个服务队里')
      const now = Date.now()
      const members = t.members.filter((m) => m.openid !== args.openid)
      await tx
        .collection('care_teams')
        .doc(t._id)
        .update({ data: { members: _.set(members), updatedAt: now } })
      await tx.collection('care_members').doc(memberId(t._id, args.openid)).remove()
      return { ...t, members, updatedAt: now }
    })
    return toTeam(team)
  },
})
