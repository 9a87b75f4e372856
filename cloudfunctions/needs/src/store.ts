/** Reading and changing needs; every change of state is one transaction on the need's document. */
import type { NeedRecord } from '../../../types/records'
import type { Transaction } from '../../../server/db'
import { notFound } from '../../../server/errors'
import { inTransaction } from '../../../server/transaction'
import { db } from '../../../server/cloud'

export async function readNeed(tx: Transaction, id: string): Promise<NeedRecord> {
  try {
    return (await tx.collection<NeedRecord>('needs').doc(id).get()).data
  } catch {
    throw notFound('没有找到这个需求，可能已被删除')
  }
}

export async function findNeed(id: string): Promise<NeedRecord> {
  const res = await db.collection<NeedRecord>('needs').where({ _id: id }).limit(1).get()
  if (!res.data[0]) throw notFound('没有找到这个需求，可能已被删除')
  return res.data[0]
}

/**
 * Changes one need atomically: `decide` sees the current record (and the transaction, for other documents
 * that must change with it) and answers the fields to change, or throws to refuse.
 */
export function changeNeed(
  id: string,
  decide: (need: NeedRecord, tx: Transaction, now: number) => Promise<Partial<NeedRecord>>,
): Promise<NeedRecord> {
  return inTransaction(async (tx) => {
    const now = Date.now()
    const need = await readNeed(tx, id)
    const patch = { ...(await decide(need, tx, now)), updatedAt: now }
    await tx.collection('needs').doc(id).update({ data: patch })
    return { ...need, ...patch }
  })
}
