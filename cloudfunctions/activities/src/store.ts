/**
 * Reading activities and sign-ups. A sign-up is `signups/<activityId>:<openid>`: one document per person
 * and activity, which a new sign-up after a cancellation simply replaces.
 */
import crypto from 'node:crypto'
import type { ActivityRecord, SignupRecord } from '../../../types/records'
import { db } from '../../../server/cloud'
import type { DocumentRef, Transaction } from '../../../server/db'
import { notFound } from '../../../server/errors'

/** A new document id (chosen before a transaction, so that a retried transaction writes the same one). */
export const newId = (): string => crypto.randomBytes(12).toString('hex')

export const signupId = (activityId: string, openid: string): string => `${activityId}:${openid}`

/** A document read inside a transaction, or null when it does not exist. */
export async function readOptional<T>(ref: DocumentRef<T>): Promise<T | null> {
  try {
    return (await ref.get()).data ?? null
  } catch (err) {
    const text = String((err as { errMsg?: string })?.errMsg ?? (err as Error)?.message ?? err)
    if (/does not exist/.test(text)) return null
    throw err
  }
}

const NO_ACTIVITY = '没有找到这个活动，可能已被删除'

/** Reads one document by id outside a transaction (null when there is none). */
async function byId<T>(collection: string, id: string): Promise<T | null> {
  const res = await db.collection<T>(collection).where({ _id: id }).limit(1).get()
  return res.data[0] ?? null
}

export async function findActivity(id: string): Promise<ActivityRecord> {
  const activity = await byId<ActivityRecord>('activities', id)
  if (!activity) throw notFound(NO_ACTIVITY)
  return activity
}

export const findActivityOrNull = (id: string) => byId<ActivityRecord>('activities', id)

export const findSignup = (id: string) => byId<SignupRecord>('signups', id)

/** The activity inside a transaction (locks it: places are handed out one transaction at a time). */
export async function readActivity(tx: Transaction, id: string): Promise<ActivityRecord> {
  const activity = await readOptional(tx.collection<ActivityRecord>('activities').doc(id))
  if (!activity) throw notFound(NO_ACTIVITY)
  return activity
}

/** Writes a whole document inside a transaction (`set` takes the fields without `_id`). */
export async function putDoc<T extends { _id: string }>(
  tx: Transaction,
  collection: string,
  doc: T,
): Promise<void> {
  const { _id, ...fields } = doc
  await tx.collection(collection).doc(_id).set({ data: fields })
}
