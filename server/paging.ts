/**
 * Keyset paging: a page is read in a fixed order (a sort field, then `_id`), and the cursor is the last
 * item's position, so a page costs one indexed read however deep it is and items added meanwhile never
 * shift what comes next. Cursors are opaque to the pages (base64url of JSON).
 */
import { _ } from './cloud'
import { invalid } from './errors'

export interface Cursor {
  v: number | string
  id: string
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.v, c.id]), 'utf8').toString('base64url')
}

export function decodeCursor(text: string | undefined): Cursor | null {
  if (text === undefined) return null
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'number' || typeof parsed[0] === 'string') &&
      typeof parsed[1] === 'string'
    ) {
      return { v: parsed[0], id: parsed[1] }
    }
  } catch {
    // fall through
  }
  throw invalid('翻页标记不正确，请刷新后重试')
}

/**
 * The query condition for "after the cursor" in an order of `field` descending (or ascending), then `_id`
 * ascending. Combine it with the list's own condition through `_.and`.
 */
export function afterCursor(
  field: string,
  cursor: Cursor | null,
  direction: 'desc' | 'asc' = 'desc',
): object {
  if (!cursor) return {}
  const beyond = direction === 'desc' ? _.lt(cursor.v) : _.gt(cursor.v)
  const within = direction === 'desc' ? _.lte(cursor.v) : _.gte(cursor.v)
  return _.and([{ [field]: within }, _.or([{ [field]: beyond }, { _id: _.gt(cursor.id) }])])
}

/** Cuts one extra item off a read of limit+1 and makes the cursor for the next page. */
export function pageOf<T extends { _id: string }>(
  rows: T[],
  limit: number,
  position: (row: T) => number | string,
): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null }
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return { rows: page, nextCursor: encodeCursor({ v: position(last), id: last._id }) }
}
