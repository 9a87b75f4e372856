/** Reading corners and projects; ids for new ones. */
import crypto from 'node:crypto'
import type { CornerRecord, ProjectRecord } from '../../../types/records'
import { db } from '../../../server/cloud'
import type { DocumentRef } from '../../../server/db'
import { notFound } from '../../../server/errors'

/** A new document id (chosen before a transaction, so that a retried transaction writes the same one). */
export const newId = (): string => crypto.randomBytes(12).toString('hex')

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

export async function findCorner(id: string): Promise<CornerRecord> {
  const res = await db.collection<CornerRecord>('corners').where({ _id: id }).limit(1).get()
  if (!res.data[0]) throw notFound('没有找到这个公益角，可能已经撤掉了')
  return res.data[0]
}

export async function findProject(id: string): Promise<ProjectRecord> {
  const res = await db.collection<ProjectRecord>('projects').where({ _id: id }).limit(1).get()
  if (!res.data[0]) throw notFound('没有找到这个公益项目')
  return res.data[0]
}
