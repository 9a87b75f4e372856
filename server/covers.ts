/**
 * Covers: the one picture a social worker gives a 街头公益角, a project or an activity, shown in public lists and
 * at the top of their pages. The photo the worker uploaded passes the checks of photos.ts (their own upload, a
 * picture by its bytes, WeChat's image check) and is kept under `public/<collection>/<id>/`, which anyone may
 * read; the cover it replaces, or the one taken away, is deleted. A cover is not an edit of what it covers:
 * `updatedAt` (a project's place in its lists) stays as it was.
 */
import { byId, readOptional } from './docs'
import { notFound } from './errors'
import { action, type ActionDef } from './handler'
import { acceptPhoto, photoUrls, removeFiles } from './photos'
import { inTransaction } from './transaction'

/** A record that may have a cover: its file ID in the cloud storage, or none. */
export interface WithCover {
  _id: string
  cover?: string | null
}

/**
 * Sets (`fileID`, the caller's own upload) or takes away (null) the cover of `collection/<id>`; answers the
 * record as it is now. A missing record answers `not-found` with `missing` before anything is stored. Costs 3
 * database operations: the record, then in one transaction the record again and its update (so that of two
 * workers racing, the cover that loses is deleted, never left behind).
 */
export async function setCover<T extends WithCover>(
  openid: string,
  collection: string,
  id: string,
  fileID: string | null,
  missing: string,
): Promise<T> {
  if (!(await byId<T>(collection, id))) throw notFound(missing)
  const cover = fileID ? await acceptPhoto(openid, fileID, `public/${collection}/${id}/cover`) : null
  let replaced = null as string | null
  let record: T
  try {
    record = await inTransaction(async (tx) => {
      const current = await readOptional(tx.collection<T>(collection).doc(id))
      if (!current) throw notFound(missing)
      await tx.collection(collection).doc(id).update({ data: { cover } })
      replaced = current.cover ?? null
      return { ...current, cover }
    })
  } catch (err) {
    if (cover) await removeFiles([cover])
    throw err
  }
  if (replaced && replaced !== cover) await removeFiles([replaced])
  return record
}

/** Temporary URLs of the records' covers (one request for all), by file ID. */
export function coverUrls(records: Array<WithCover | null | undefined>): Promise<Map<string, string>> {
  return photoUrls(records.map((r) => r?.cover))
}

/** A record's cover as the pages show it: its temporary URL from `urls` (coverUrls), or null. */
export function coverUrlOf(record: WithCover, urls: Map<string, string>): string | null {
  return (record.cover && urls.get(record.cover)) || null
}

/**
 * A worker's action that sets or takes away the cover of a `collection`'s record (`{ id, fileID }`), answering
 * the record as `view` shows it with its cover's temporary URL.
 */
export function coverAction<T extends WithCover, V>(
  input: ActionDef<{ id: string; fileID: string | null }, V>['input'],
  collection: string,
  missing: string,
  view: (record: T, covers: Map<string, string>) => V,
): ActionDef<{ id: string; fileID: string | null }, V> {
  return action({
    input,
    who: 'worker',
    run: async (args, caller) => {
      const record = await setCover<T>(caller.openid, collection, args.id, args.fileID, missing)
      return view(record, await coverUrls([record]))
    },
  })
}
