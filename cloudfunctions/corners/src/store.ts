/** Reading corners and projects; ids for new ones. */
import type { CornerRecord, ProjectRecord } from '../../../types/records'
import { db } from '../../../server/cloud'
import { notFound } from '../../../server/errors'

export { newId, readOptional } from '../../../server/docs'

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
