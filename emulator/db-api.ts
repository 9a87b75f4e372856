/**
 * The CloudBase database API as wx-server-sdk calls it: one JSON POST per operation, `action` naming it
 * (`database.getDocument`, `database.modifyDocument`, …), queries and updates as EJSON strings.
 * Replies are `{requestId, data: {...}}`, or `{requestId, code, message}` for an error.
 */
import crypto from 'node:crypto'
import { assertSafeKeys, BadRequest, parseWire, resolveServerDates, toWire } from './ejson'
import { type Engine, lastPathWins, REQUEST_FAILED, type Txn, UNSUPPORTED } from './engine'
import { isValidCollectionName } from './store'

type Body = Record<string, unknown>

export interface DbReply {
  requestId: string
  data?: unknown
  code?: string
  message?: string
  transactionId?: string
}

/**
 * Every database command the emulator handles (the `action` wx-server-sdk sends). Anything else is answered
 * with an error that names it; emulator/README.md lists these as supported and the rest as missing.
 */
export const DATABASE_ACTIONS = [
  'database.getDocument',
  'database.calculateDocument',
  'database.aggregateDocuments',
  'database.insertDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
  'database.addCollection',
  'database.startTransaction',
  'database.commitTransaction',
  'database.abortTransaction',
] as const

/** The aggregation stages CloudBase offers (db.collection().aggregate()), less those the emulator lacks. */
export const AGGREGATION_STAGES = [
  '$addFields',
  '$bucket',
  '$bucketAuto',
  '$count',
  '$group',
  '$limit',
  '$lookup',
  '$match',
  '$project',
  '$replaceRoot',
  '$sample',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unwind',
]

/**
 * Query operators CloudBase has and the emulator lacks: geo queries (mingo has no geometry), full-text
 * search (`db.command.text`, which the SDK sends as `$search`) and `$jsonSchema`.
 */
const LACKING_QUERY_OPERATORS = new Map([
  ['$near', '$near'],
  ['$nearSphere', '$nearSphere'],
  ['$geoWithin', '$geoWithin'],
  ['$geoIntersects', '$geoIntersects'],
  ['$text', '$text'],
  ['$search', '$text (sent as $search)'],
  ['$jsonSchema', '$jsonSchema'],
])

/** Refuses a query that uses an operator of LACKING_QUERY_OPERATORS, naming it. */
function refuseLackingOperators(value: unknown): void {
  if (!value || typeof value !== 'object') return
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const name = LACKING_QUERY_OPERATORS.get(key)
    if (name)
      throw new BadRequest(UNSUPPORTED, `query operator ${name} is not supported by the local emulator`)
    refuseLackingOperators(inner)
  }
}

/** `$trunc: <number>` as MongoDB accepts it; mingo takes only `[<number>, <place>]`. */
function truncWithPlace(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(truncWithPlace)
  if (!value || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    out[key] = key === '$trunc' && !Array.isArray(inner) ? [truncWithPlace(inner), 0] : truncWithPlace(inner)
  }
  return out
}

const isDatabaseAction = (action: string): boolean => (DATABASE_ACTIONS as readonly string[]).includes(action)

/**
 * mingo's words for an operator it does not know, turned into an error that names the operator and says
 * the emulator lacks it.
 */
const UNKNOWN_OPERATOR: Array<[RegExp, string]> = [
  [/unknown query operator (\$\w+)/i, 'query operator'],
  [/unknown update operator:? '?(\$\w+)/i, 'update operator'],
  [/unregistered pipeline operator (\$\w+)/i, 'aggregation stage'],
  [/'?(\$\w+)'? is not registered/i, 'aggregation operator'],
  [/unknown (?:expression|accumulator|operator)[^$]*(\$\w+)/i, 'aggregation operator'],
]

export function unsupportedOperator(message: string): string | null {
  for (const [pattern, what] of UNKNOWN_OPERATOR) {
    const m = pattern.exec(message)
    if (m) return `${what} ${m[1]} is not supported by the local emulator`
  }
  return null
}

/** What an operation did to the database, for the per-call cost accounting. */
export type OpKind = 'read' | 'write' | 'other'

const READS = new Set(['database.getDocument', 'database.calculateDocument', 'database.aggregateDocuments'])
const WRITES = new Set([
  'database.insertDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
])

export function opKind(action: string): OpKind {
  if (READS.has(action)) return 'read'
  if (WRITES.has(action)) return 'write'
  return 'other'
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined) return {}
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new BadRequest('INVALID_PARAM', `invalid ${what}`)
  assertSafeKeys(value, what)
  return value as Record<string, unknown>
}

function sortSpec(order: unknown): Array<[string, 1 | -1]> {
  const spec = asObject(parseWire(order, 'order'), 'order')
  return Object.entries(spec).map(([field, dir]) => [field, Number(dir) < 0 ? -1 : 1])
}

/** The `_id` a DOC-type request targets; transactions only work on single documents by id. */
function docId(query: Record<string, unknown>, action: string): string {
  const id = query._id
  if (typeof id !== 'string' || Object.keys(query).length !== 1) {
    throw new BadRequest(
      UNSUPPORTED,
      `${action} with a where() query is not supported inside a transaction: transactions read and write single documents by doc(id), as on CloudBase`,
    )
  }
  return id
}

export class DbApi {
  constructor(private readonly engine: Engine) {}

  async handle(body: Body, seqId: string | null = null): Promise<DbReply> {
    const requestId = crypto.randomUUID()
    try {
      const data = await this.dispatch(body, seqId)
      if (data && typeof data === 'object' && 'transactionId' in (data as object)) {
        return { requestId, ...(data as { transactionId: string }) }
      }
      return { requestId, data }
    } catch (err) {
      if (err instanceof BadRequest) return { requestId, code: err.code, message: err.message }
      const e = err as { code?: string; message?: string }
      if (typeof e.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT')) {
        return { requestId, code: REQUEST_FAILED, message: `E11000 duplicate key error: ${e.message}` }
      }
      const unsupported = unsupportedOperator(String(e.message ?? ''))
      if (unsupported) return { requestId, code: UNSUPPORTED, message: unsupported }
      return { requestId, code: REQUEST_FAILED, message: String(e.message ?? err) }
    }
  }

  private txnOf(body: Body): Txn | null {
    return body.transactionId === undefined ? null : this.engine.txn(body.transactionId)
  }

  private async dispatch(body: Body, seqId: string | null): Promise<unknown> {
    const engine = this.engine
    const action = String(body.action ?? '')
    if (!isDatabaseAction(action)) {
      throw new BadRequest(
        UNSUPPORTED,
        `${action || 'a request without an action'} is not supported by the local emulator`,
      )
    }
    const now = engine.serverNow()
    switch (action) {
      case 'database.startTransaction':
        // Requests from one function call share the seqId's first part (the call's TCB_SEQID).
        return {
          transactionId: engine.begin(seqId && seqId.includes('-') ? seqId.split('-')[0] : undefined).id,
        }
      case 'database.commitTransaction': {
        const txn = engine.txn(body.transactionId)
        if (txn.doomed) {
          // The SDK retries a conflict at once; a short random pause spreads the retries of the
          // transactions that lost a deadlock so they do not meet again in the same cycle.
          await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 45))
        }
        engine.commit(txn)
        return {}
      }
      case 'database.abortTransaction':
        engine.abort(engine.txn(body.transactionId))
        return {}
      case 'database.addCollection': {
        const name = body.collectionName
        if (!isValidCollectionName(name)) throw new BadRequest('INVALID_PARAM', 'invalid collection name')
        if (!engine.store.createCollection(name)) {
          throw new BadRequest('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`)
        }
        return {}
      }
    }

    const coll = engine.requireCollection(body.collectionName)
    const txn = this.txnOf(body)
    const query = asObject(parseWire(body.query, 'query'), 'query')
    refuseLackingOperators(query)

    switch (action) {
      case 'database.getDocument': {
        if (txn) {
          const doc = await engine.txnGet(txn, coll, docId(query, action))
          return { list: doc ? [toWire(doc)] : [] }
        }
        const list = engine.find(coll, query, {
          sort: sortSpec(body.order),
          skip: Number(body.offset ?? 0) || 0,
          limit: body.limit === undefined ? 100 : Number(body.limit),
          projection: body.projection
            ? lastPathWins(asObject(parseWire(body.projection, 'projection'), 'projection'))
            : undefined,
        })
        return { list: list.map(toWire) }
      }
      case 'database.calculateDocument':
        if (txn)
          throw new BadRequest(UNSUPPORTED, `count() is not supported inside a transaction, as on CloudBase`)
        return { total: engine.count(coll, query) }
      case 'database.aggregateDocuments': {
        const stages = Array.isArray(body.stages) ? body.stages : []
        const pipeline = stages.map((s) => {
          const stage = s as { stageKey?: unknown; stageValue?: unknown }
          if (!AGGREGATION_STAGES.includes(String(stage.stageKey))) {
            throw new BadRequest(
              UNSUPPORTED,
              `aggregation stage ${String(stage.stageKey)} is not supported by the local emulator`,
            )
          }
          const value = truncWithPlace(resolveServerDates(parseWire(stage.stageValue, 'stage'), now))
          assertSafeKeys(value, 'stage')
          return { [String(stage.stageKey)]: value }
        })
        return { list: engine.aggregate(coll, pipeline).map(toWire) }
      }
      case 'database.insertDocument': {
        const raw = Array.isArray(body.data) ? body.data : [body.data]
        const docs = raw.map((d) => asObject(resolveServerDates(parseWire(d, 'data'), now), 'data'))
        if (docs.length === 0) throw new BadRequest('INVALID_PARAM', 'nothing to insert')
        if (txn) {
          const ids: string[] = []
          for (const doc of docs) ids.push(await engine.txnInsert(txn, coll, doc))
          return { insertedIds: ids }
        }
        return { insertedIds: await engine.insert(coll, docs) }
      }
      case 'database.modifyDocument':
      case 'database.modifyAndReturnDoc': {
        const data = asObject(resolveServerDates(parseWire(body.data, 'data'), now), 'data')
        const merge = body.merge !== false
        const upsert = body.upsert === true
        const returnDoc = action === 'database.modifyAndReturnDoc'
        if ('_id' in data && merge) throw new BadRequest('INVALID_PARAM', '_id cannot be updated')
        const result = txn
          ? await engine.txnModify(txn, coll, docId(query, action), data, { merge, upsert })
          : await engine.modify(coll, query, data, { multi: body.multi === true, merge, upsert })
        if (returnDoc) return { updated: result.updated, doc: result.doc ? toWire(result.doc) : null }
        return { updated: result.updated, upsert_id: result.upsertedId }
      }
      case 'database.removeDocument': {
        if (txn) return { deleted: await engine.txnRemove(txn, coll, docId(query, action)) }
        return { deleted: await engine.remove(coll, query, body.multi === true) }
      }
      default:
        throw new BadRequest(UNSUPPORTED, `${action} is not supported by the local emulator`)
    }
  }
}
