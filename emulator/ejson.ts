/**
 * Reading and writing the EJSON that wx-server-sdk sends: canonical EJSON strings in MongoDB operator
 * form, with CloudBase's own `{"$tcb_server_date": {"offset": n}}` for `db.serverDate()`.
 */
import { BSONRegExp, EJSON } from 'bson'

export class BadRequest extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** Parses one EJSON text from the wire into plain JS values (numbers, strings, Dates, RegExps). */
export function parseWire(text: unknown, what: string): unknown {
  if (text === undefined || text === null || text === '') return undefined
  if (typeof text !== 'string')
    return toNative(EJSON.deserialize(text as Record<string, unknown>, { relaxed: true }))
  try {
    return toNative(EJSON.parse(text, { relaxed: true }))
  } catch {
    throw new BadRequest('INVALID_PARAM', `invalid ${what}`)
  }
}

function toNative(value: unknown): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^imsu]/g, ''))
  if (Array.isArray(value)) return value.map(toNative)
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof RegExp)) {
    const proto = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) return value
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = toNative(v)
    return out
  }
  return value
}

/** Replaces every `{"$tcb_server_date": {offset}}` with the server's time (plus the offset) as a Date. */
export function resolveServerDates(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveServerDates(v, now))
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof RegExp)) {
    const obj = value as Record<string, unknown>
    const keys = Object.keys(obj)
    if (keys.length === 1 && keys[0] === '$tcb_server_date') {
      const offset = Number((obj.$tcb_server_date as { offset?: unknown } | null)?.offset ?? 0)
      return new Date(now + (Number.isFinite(offset) ? offset : 0))
    }
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(obj)) out[k] = resolveServerDates(v, now)
    return out
  }
  return value
}

/** Serializes a document for the SDK's reply (it parses each list item with EJSON.parse). */
export function toWire(doc: unknown): string {
  return EJSON.stringify(doc as Record<string, unknown>, { relaxed: false })
}

/** Rejects keys that would reach into the prototype chain; the store never holds them. */
export function assertSafeKeys(value: unknown, what: string): void {
  if (Array.isArray(value)) {
    for (const v of value) assertSafeKeys(v, what)
  } else if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof RegExp)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') {
        throw new BadRequest('INVALID_PARAM', `${what}: field name ${k} is not allowed`)
      }
      assertSafeKeys(v, what)
    }
  }
}
