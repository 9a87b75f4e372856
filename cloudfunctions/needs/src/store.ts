/** Reading and changing needs; every change of state is one transaction on the need's document. */
import type { NeedRecord } from '../../../types/records'
import { needClaimed, needCompleted, needConfirmed, type Tally } from '../../../types/report'
import type { Transaction } from '../../../server/db'
import { needNotFound } from '../../../server/errors'
import { countInTransaction } from '../../../server/report'
import { inTransaction } from '../../../server/transaction'
import { db } from '../../../server/cloud'

export async function readNeed(tx: Transaction, id: string): Promise<NeedRecord> {
  try {
    return (await tx.collection<NeedRecord>('needs').doc(id).get()).data
  } catch {
    throw needNotFound()
  }
}

export async function findNeed(id: string): Promise<NeedRecord> {
  const res = await db.collection<NeedRecord>('needs').where({ _id: id }).limit(1).get()
  if (!res.data[0]) throw needNotFound()
  return res.data[0]
}

/** The instants a change stamps: the first time it is taken, when it is done, when it is confirmed. */
function stamps(need: NeedRecord, patch: Partial<NeedRecord>, now: number): Partial<NeedRecord> {
  if (patch.status === 'assigned' && !need.claimedAt) return { claimedAt: now }
  if (patch.status === 'done') return { doneAt: now }
  if (patch.status === 'confirmed') return { confirmedAt: now }
  return {}
}

/**
 * Changes one need atomically: `decide` sees the current record (and the transaction, for other documents
 * that must change with it) and answers the fields to change, or throws to refuse. What the change counts
 * for the station's report (first taken, done, confirmed) is added last, in the same transaction;
 * `extra` tallies (the points a confirmation credits) join that one write.
 */
export function changeNeed(
  id: string,
  decide: (need: NeedRecord, tx: Transaction, now: number) => Promise<Partial<NeedRecord>>,
  extra: (after: NeedRecord) => Tally[] = () => [],
): Promise<NeedRecord> {
  return inTransaction(async (tx) => {
    const now = Date.now()
    const need = await readNeed(tx, id)
    const decided = await decide(need, tx, now)
    const patch = { ...decided, ...stamps(need, decided, now), updatedAt: now }
    await tx.collection('needs').doc(id).update({ data: patch })
    const after = { ...need, ...patch }
    const tallies = [
      !need.claimedAt ? needClaimed(after) : null,
      patch.doneAt ? needCompleted(after) : null,
      need.status !== 'confirmed' ? needConfirmed(after) : null,
      ...extra(after),
    ]
    await countInTransaction(tx, tallies)
    return after
  })
}
