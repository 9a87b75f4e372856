/**
 * The roster (the captain's first notebook): workers register the people the station looks after, with
 * the person's or a guardian's consent, and archive them with a reason — never deleting their visits.
 * Workers see everyone; the captain and members of a team see the recipients of their teams.
 */
import {
  archiveRecipientInput,
  DEFAULT_VISIT_EVERY_DAYS,
  nextDueAt,
  recipientInput,
  recipientsInput,
  toRecipient,
  toVisit,
  upsertRecipientInput,
  type Recipient,
  type RecipientDetail,
  type RecipientRecord,
  type VisitRecord,
} from '../../../types/care'
import type { Page } from '../../../types/envelope'
import { _, db } from '../../../server/cloud'
import { assertSafeText } from '../../../server/content'
import { notFound, precondition } from '../../../server/errors'
import { action } from '../../../server/handler'
import { afterCursor, decodeCursor, pageOf } from '../../../server/paging'
import { inTransaction } from '../../../server/transaction'
import {
  assertInTeam,
  findTeam,
  isWorker,
  myMemberships,
  newId,
  NO_RECIPIENT,
  readOptional,
  visibleRecipient,
} from './store'
import { recipientRegistered } from '../../../types/report'
import { countInTransaction } from '../../../server/report'

export const upsertRecipient = action({
  input: upsertRecipientInput,
  who: 'worker',
  run: async (args, caller): Promise<Recipient> => {
    await assertSafeText(caller.openid, [
      args.name,
      args.address,
      args.notes,
      args.emergencyContact?.name,
      args.emergencyContact?.relation,
      ...args.circumstances,
    ])
    await findTeam(args.teamId)
    const id = args.id ?? newId()
    const saved = await inTransaction(async (tx): Promise<RecipientRecord> => {
      const now = Date.now()
      const old = args.id
        ? await readOptional(tx.collection<RecipientRecord>('care_recipients').doc(id))
        : null
      if (args.id && !old) throw notFound(NO_RECIPIENT)
      if (old?.status === 'archived') throw precondition('这位老人已经归档，不能再修改')
      const base = {
        name: args.name,
        gender: args.gender ?? null,
        birthYear: args.birthYear ?? null,
        community: args.community,
        address: args.address,
        location: args.location ?? null,
        phone: args.phone ?? null,
        emergencyContact: args.emergencyContact ?? null,
        circumstances: [...new Set(args.circumstances)],
        risk: args.risk,
        visitEveryDays: args.visitEveryDays ?? DEFAULT_VISIT_EVERY_DAYS[args.risk],
        teamId: args.teamId,
        notes: args.notes ?? '',
      }
      const record: RecipientRecord = old
        ? { ...old, ...base, consentAt: now, updatedAt: now, nextDueAt: 0 }
        : {
            _id: id,
            ...base,
            status: 'active',
            archiveReason: null,
            archivedAt: null,
            lastVisitAt: null,
            lastNote: '',
            lastWellbeing: null,
            nextDueAt: 0,
            doorVersion: 1,
            consentAt: now,
            registeredBy: caller.openid,
            createdAt: now,
            updatedAt: now,
          }
      record.nextDueAt = nextDueAt(record)
      const { _id, ...fields } = record
      await tx.collection('care_recipients').doc(_id).set({ data: fields })
      // A new record (建立档案) counts for the report in the same transaction.
      if (!old) await countInTransaction(tx, [recipientRegistered(record)])
      return record
    })
    return toRecipient(saved, Date.now())
  },
})

export const archiveRecipient = action({
  input: archiveRecipientInput,
  who: 'worker',
  run: async (args): Promise<Recipient> => {
    const saved = await inTransaction(async (tx): Promise<RecipientRecord> => {
      const r = await readOptional(tx.collection<RecipientRecord>('care_recipients').doc(args.id))
      if (!r) throw notFound(NO_RECIPIENT)
      if (r.status === 'archived') return r
      const now = Date.now()
      const patch = {
        status: 'archived' as const,
        archiveReason: args.reason,
        archivedAt: now,
        updatedAt: now,
      }
      await tx.collection('care_recipients').doc(r._id).update({ data: patch })
      return { ...r, ...patch }
    })
    return toRecipient(saved, Date.now())
  },
})

/**
 * Recipients, most overdue first (the soonest `nextDueAt`). Workers read every team's (or one team's);
 * anyone else the active recipients of their own teams.
 */
export const recipients = action({
  input: recipientsInput,
  run: async (args, caller): Promise<Page<Recipient>> => {
    const limit = args.limit ?? 20
    const cursor = decodeCursor(args.cursor)
    const now = Date.now()
    let teamCondition: object = {}
    if (args.teamId) {
      await assertInTeam(caller, args.teamId)
      teamCondition = { teamId: args.teamId }
    } else if (!isWorker(caller)) {
      const ids = (await myMemberships(caller.openid)).map((m) => m.teamId)
      if (ids.length === 0) return { items: [], nextCursor: null }
      teamCondition = { teamId: _.in(ids) }
    }
    const due = args.overdue === undefined ? {} : { nextDueAt: args.overdue ? _.lt(now) : _.gte(now) }
    const res = await db
      .collection<RecipientRecord>('care_recipients')
      .where(
        _.and([
          { status: 'active', ...teamCondition, ...(args.risk ? { risk: args.risk } : {}), ...due },
          afterCursor('nextDueAt', cursor, 'asc'),
        ]),
      )
      .orderBy('nextDueAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const page = pageOf(res.data, limit, (r) => r.nextDueAt)
    return { items: page.rows.map((r) => toRecipient(r, now)), nextCursor: page.nextCursor }
  },
})

/** One recipient with its last 10 visits, newest first. */
export const recipient = action({
  input: recipientInput,
  run: async (args, caller): Promise<RecipientDetail> => {
    const r = await visibleRecipient(caller, args.id)
    const visits = await db
      .collection<VisitRecord>('care_visits')
      .where({ recipientId: r._id })
      .orderBy('at', 'desc')
      .limit(10)
      .get()
    return { ...toRecipient(r, Date.now()), visits: visits.data.map(toVisit) }
  },
})
