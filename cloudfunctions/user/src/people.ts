/** Workers look people up (to award points, to dispatch a need to a volunteer). */
import { findPeopleInput, type PersonSummary, type VolunteerFit } from '../../../types/user'
import type { NeedRecord, UserRecord } from '../../../types/records'
import { maskPhone } from '../../../types/text'
import { _, db } from '../../../server/cloud'
import { needNotFound } from '../../../server/errors'
import { action } from '../../../server/handler'
import { escapeRegex } from '../../../server/search'
import { displayName } from '../../../server/users'
import { rolesOf } from './views'

/** The people matching `conditions`, most recently updated first: one read. */
async function peopleWhere(conditions: object[], limit: number): Promise<UserRecord[]> {
  const res = await db
    .collection<UserRecord>('users')
    .where(conditions.length ? _.and(conditions) : {})
    .orderBy('updatedAt', 'desc')
    .limit(limit)
    .get()
  return res.data
}

/**
 * How many needs each of these people holds now (`assigned`: claimed or dispatched, not yet marked done), in one
 * grouped read narrowed by the assignee index. Counted from the needs themselves, so it is exact at the moment
 * of reading whatever raced before it.
 */
async function openTasksOf(openids: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  if (openids.length === 0) return counts
  const $ = _.aggregate as unknown as Record<string, (arg: unknown) => object>
  const res = await db
    .collection<NeedRecord>('needs')
    .aggregate<{ _id: string; n: number }>()
    .match({ 'assignee.openid': _.in(openids), status: 'assigned' })
    .group({ _id: '$assignee.openid', n: $.sum(1) })
    .end()
  for (const row of res.list) counts.set(row._id, row.n)
  return counts
}

/** The need a dispatch is for: its community decides who is near. */
async function needFor(id: string): Promise<NeedRecord> {
  const res = await db.collection<NeedRecord>('needs').where({ _id: id }).limit(1).get()
  if (!res.data[0]) throw needNotFound()
  return res.data[0]
}

const toSummary = (u: UserRecord): PersonSummary => {
  const verifiedAt = u.phone && u.phoneVerifiedAt ? u.phoneVerifiedAt : null
  return {
    openid: u.openid,
    name: displayName(u),
    community: u.community,
    phoneMasked: maskPhone(u.phone),
    phoneVerified: verifiedAt !== null,
    phoneVerifiedAt: verifiedAt,
    since: u.createdAt,
    roles: rolesOf(u),
    volunteerStatus: u.volunteer?.status ?? null,
  }
}

/**
 * Volunteers for one need: those of its community first (read on their own, so that they are found however
 * many others were active lately), then the others; each with skills and open tasks. Ordered: same community,
 * then fewer open tasks, then a number WeChat vouched for, then most recently updated.
 */
async function volunteersFor(needId: string, conditions: object[], limit: number): Promise<PersonSummary[]> {
  const need = await needFor(needId)
  const community = need.community ?? ''
  const [near, others] = community
    ? await Promise.all([
        peopleWhere([...conditions, { community }], limit),
        peopleWhere([...conditions, { community: _.neq(community) }], limit),
      ])
    : [[], await peopleWhere(conditions, limit)]
  const people = [...near, ...others].slice(0, limit)
  const open = await openTasksOf(people.map((u) => u.openid))
  const fits = people.map((u) => {
    const forNeed: VolunteerFit = {
      skills: u.volunteer?.skills ?? [],
      sameCommunity: community !== '' && u.community === community,
      openTasks: open.get(u.openid) ?? 0,
    }
    return { ...toSummary(u), forNeed }
  })
  // Array.prototype.sort is stable: equal ranks keep the most recently updated first.
  return fits.sort(
    (a, b) =>
      Number(b.forNeed.sameCommunity) - Number(a.forNeed.sameCommunity) ||
      a.forNeed.openTasks - b.forNeed.openTasks ||
      Number(b.phoneVerified) - Number(a.phoneVerified),
  )
}

export const findPeople = action({
  input: findPeopleInput,
  who: 'worker',
  run: async (args): Promise<{ items: PersonSummary[] }> => {
    const limit = args.limit ?? 20
    const conditions: object[] = []
    const q = args.q?.trim()
    if (q) {
      if (/^\d{11}$/.test(q)) conditions.push({ phone: q })
      else if (/^\d{4}$/.test(q)) conditions.push({ phone: db.RegExp({ regexp: `${q}$` }) })
      else {
        const pattern = db.RegExp({ regexp: escapeRegex(q) })
        conditions.push(_.or([{ nickname: pattern }, { 'volunteer.realName': pattern }]))
      }
    }
    if (args.role === 'volunteer') conditions.push({ 'volunteer.status': 'approved', roles: 'volunteer' })
    else if (args.role && args.role !== 'resident') conditions.push({ roles: args.role })
    if (args.merchantId) conditions.push({ merchantId: args.merchantId })
    if (args.needId) return { items: await volunteersFor(args.needId, conditions, limit) }
    const items = (await peopleWhere(conditions, limit)).map(toSummary)
    // People whose number WeChat vouched for come first (the sort keeps the order of the rest).
    items.sort((a, b) => Number(b.phoneVerified) - Number(a.phoneVerified))
    return { items }
  },
})
