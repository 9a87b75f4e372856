/** Reading one document by id: inside a transaction (which locks it) or outside one. */
import crypto from 'node:crypto'
import { db } from './cloud'
import type { DocumentRef } from './db'

/** A new document id (chosen before a transaction, so that a retried transaction writes the same one). */
export const newId = (): string => crypto.randomBytes(12).toString('hex')

/** The database refused to create a document whose id exists (CloudBase answers E11000 like MongoDB). */
export const isDuplicate = (err: unknown): boolean =>
  /duplicate key|E11000|already exist/i.test(String((err as { errMsg?: string })?.errMsg ?? err))

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

/** Reads one document by id outside a transaction (null when there is none). */
export async function byId<T>(collection: string, id: string): Promise<T | null> {
  const res = await db.collection<T>(collection).where({ _id: id }).limit(1).get()
  return res.data[0] ?? null
}
