/**
 * The database semantics CloudBase gives wx-server-sdk: queries, counts, inserts, updates, removals,
 * aggregation and transactions over the durable store.
 *
 * Consistency model: every write outside a transaction is applied atomically in one SQLite transaction
 * after waiting for the locks that transactions hold on the documents it touches, so it never overwrites a
 * transaction's read. Transactions lock each document they read or write (locks.ts), buffer their writes
 * and apply them all in one SQLite transaction at commit. Reads outside transactions see committed data.
 */
import crypto from 'node:crypto'
import { aggregate, find, Query, update as applyUpdate } from 'mingo'
import { BadRequest } from './ejson'
import { LockManager, type LockOwner } from './locks'
import { planQuery } from './planner'
import { type Doc, isValidCollectionName, type Store, type Write } from './store'

export const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT'
export const NOT_EXIST = 'DATABASE_COLLECTION_NOT_EXIST'
export const REQUEST_FAILED = 'DATABASE_REQUEST_FAILED'
/** A command, operator or stage CloudBase has and the emulator lacks (the SDK raises it as errCode -501001). */
export const UNSUPPORTED = 'EMULATOR_UNSUPPORTED'

const MAX_LIMIT = 1000
const TXN_IDLE_MS = 10_000

export interface FindOptions {
  sort?: Array<[string, 1 | -1]>
  skip?: number
  limit?: number
  projection?: Record<string, unknown>
}

export interface Txn extends LockOwner {
  writes: Map<string, Write>
  lastActive: number
  finished: boolean
}

/** Counts of operations, so that the cost of a function call can be measured. */
export interface OpCounter {
  reads: number
  writes: number
}

const key = (coll: string, id: string) => `${coll}\u0000${id}`

const hasOperators = (update: Record<string, unknown>) => Object.keys(update).some((k) => k.startsWith('$'))

function newId(): string {
  return crypto.randomBytes(16).toString('hex')
}

/**
 * A find() projection as CloudBase applies it when it names both a document and fields inside it
 * (`{a: 1, 'a.b': 1}`): the later of the two wins, as in MongoDB before 4.4 — the document when it comes
 * after its fields, its fields when they come after it. (MongoDB 4.4 and mingo refuse such a projection
 * with "Path collision".) Key order is the order the caller wrote, which the wire format keeps.
 */
export function lastPathWins(projection: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [path, value] of Object.entries(projection)) {
    for (const earlier of Object.keys(out)) {
      if (earlier.startsWith(`${path}.`) || path.startsWith(`${earlier}.`)) delete out[earlier]
    }
    out[path] = value
  }
  return out
}

function clone<T>(value: T): T {
  return structuredClone(value)
}

export class Engine {
  readonly locks: LockManager
  private txns = new Map<string, Txn>()
  private sweeper: NodeJS.Timeout

  constructor(
    readonly store: Store,
    private readonly now: () => number,
    /** Create a collection the first time it is used, as createCollection would, instead of -502005. */
    private readonly autoCollections = false,
    /** How long a transaction waits for a lock before it is doomed (LockManager's default when not given). */
    lockWaitMs?: number,
  ) {
    this.locks = new LockManager(lockWaitMs)
    this.sweeper = setInterval(() => this.sweepIdle(), 1000)
    this.sweeper.unref()
  }

  close(): void {
    clearInterval(this.sweeper)
    for (const txn of this.txns.values()) this.locks.releaseAll(txn)
    this.txns.clear()
  }

  requireCollection(coll: unknown): string {
    if (this.autoCollections && isValidCollectionName(coll) && !this.store.hasCollection(coll)) {
      this.store.createCollection(coll)
    }
    if (typeof coll !== 'string' || !this.store.hasCollection(coll)) {
      throw new BadRequest(NOT_EXIST, `Db or Table not exist: ${String(coll)}`)
    }
    return coll
  }

  // ---------------------------------------------------------------- reads

  find(coll: string, query: Record<string, unknown>, opts: FindOptions = {}): Doc[] {
    const sort = opts.sort ?? []
    const skip = Math.max(0, opts.skip ?? 0)
    const limit = Math.min(Math.max(0, opts.limit ?? 100), MAX_LIMIT)
    const plan = planQuery(query, this.store.indexesOf(coll), sort)
    const matcher = new Query(query)
    const matched: Doc[] = []
    if (plan.orderInSql) {
      // Stream in the final order and stop as soon as the page is full.
      for (const doc of this.store.iterate(coll, plan.where, plan.params, plan.order)) {
        if (!matcher.test(doc)) continue
        matched.push(doc)
        if (matched.length >= skip + limit) break
      }
      const page = matched.slice(skip, skip + limit)
      return opts.projection ? (find(page, {}, opts.projection).all() as Doc[]) : page
    }
    for (const doc of this.store.iterate(coll, plan.where, plan.params, ''))
      if (matcher.test(doc)) matched.push(doc)
    let cursor = find(matched, {}, opts.projection)
    if (sort.length) cursor = cursor.sort(Object.fromEntries(sort))
    return cursor.skip(skip).limit(limit).all() as Doc[]
  }

  count(coll: string, query: Record<string, unknown>): number {
    // The size of a whole collection is kept by the database (no document is read for it).
    if (Object.keys(query).length === 0) return this.store.count(coll)
    const plan = planQuery(query, this.store.indexesOf(coll), [])
    const matcher = new Query(query)
    let n = 0
    for (const doc of this.store.iterate(coll, plan.where, plan.params, '')) if (matcher.test(doc)) n++
    return n
  }

  aggregate(coll: string, stages: Array<Record<string, unknown>>): unknown[] {
    // A leading $match narrows through the indexes like a query does.
    const first = stages[0]
    let source: Doc[]
    if (first && '$match' in first && first.$match && typeof first.$match === 'object') {
      const query = first.$match as Record<string, unknown>
      const plan = planQuery(query, this.store.indexesOf(coll), [])
      source = [...this.store.iterate(coll, plan.where, plan.params, '')]
    } else {
      source = [...this.store.iterate(coll, '', [], '')]
    }
    // $lookup names other collections: they are read as they are committed (a collection that does not
    // exist joins nothing, as in MongoDB).
    return aggregate(source, stages, {
      collectionResolver: (name: string) =>
        this.store.hasCollection(name) ? [...this.store.iterate(name, '', [], '')] : [],
    })
  }

  // ---------------------------------------------------------------- writes outside transactions

  async insert(coll: string, docs: Array<Record<string, unknown>>): Promise<string[]> {
    const prepared = docs.map((d) => this.prepareInsert(d))
    const ids = prepared.map((d) => d._id)
    if (new Set(ids).size !== ids.length) throw duplicate(coll, ids[0])
    return this.withPlainLocks(
      ids.map((id) => key(coll, id)),
      () => {
        for (const doc of prepared) if (this.store.getDoc(coll, doc._id)) throw duplicate(coll, doc._id)
        this.store.apply(prepared.map((doc) => ({ coll, id: doc._id, doc })))
        return ids
      },
    )
  }

  /**
   * update (merge: true, operators) or set (merge: false, a replacement) of the documents the query
   * matches; `upsert` inserts when nothing matches (with the query's `_id` if it names one).
   */
  async modify(
    coll: string,
    query: Record<string, unknown>,
    data: Record<string, unknown>,
    opts: { multi: boolean; merge: boolean; upsert: boolean },
  ): Promise<{ updated: number; upsertedId: string | null; doc: Doc | null }> {
    const targets = this.find(coll, query, { limit: opts.multi ? MAX_LIMIT : 1 })
    return this.withPlainLocks(
      targets.map((d) => key(coll, d._id)),
      () => {
        // Re-read under the locks: a transaction may have changed them while this write waited.
        const fresh = this.find(coll, query, { limit: opts.multi ? MAX_LIMIT : 1 })
        if (fresh.length === 0 && opts.upsert) {
          const id = typeof query._id === 'string' ? query._id : newId()
          const doc = this.buildNew(id, data, opts.merge)
          this.store.apply([{ coll, id, doc }])
          return { updated: 0, upsertedId: id, doc }
        }
        const writes: Write[] = []
        let last: Doc | null = null
        for (const current of fresh) {
          const next = this.applyChange(current, data, opts.merge)
          writes.push({ coll, id: current._id, doc: next })
          last = next
        }
        this.store.apply(writes)
        return { updated: writes.length, upsertedId: null, doc: last }
      },
    )
  }

  async remove(coll: string, query: Record<string, unknown>, multi: boolean): Promise<number> {
    const targets = this.find(coll, query, { limit: multi ? MAX_LIMIT : 1 })
    return this.withPlainLocks(
      targets.map((d) => key(coll, d._id)),
      () => {
        const fresh = this.find(coll, query, { limit: multi ? MAX_LIMIT : 1 })
        this.store.apply(fresh.map((d) => ({ coll, id: d._id, doc: null })))
        return fresh.length
      },
    )
  }

  /** Waits for the transactions that hold these documents, then applies the change synchronously. */
  private async withPlainLocks<T>(keys: string[], apply: () => T): Promise<T> {
    const busy = [...new Set(keys)].sort().filter((k) => this.locks.holderOf(k))
    if (busy.length === 0) return apply()
    const owner: LockOwner = {
      id: `plain-${newId()}`,
      transactional: false,
      doomed: false,
      priority: performance.now(),
      held: new Set(),
      waitingFor: null,
    }
    try {
      for (const k of busy) {
        if (!(await this.locks.acquire(owner, k))) {
          throw new BadRequest(REQUEST_FAILED, 'lock wait timeout: the document is busy, try again')
        }
      }
      return apply()
    } finally {
      this.locks.releaseAll(owner)
    }
  }

  private prepareInsert(data: Record<string, unknown>): Doc {
    const id = data._id === undefined ? newId() : data._id
    if (typeof id !== 'string' || id.length === 0 || id.length > 128) {
      throw new BadRequest('INVALID_PARAM', '_id must be a non-empty string')
    }
    return { ...data, _id: id }
  }

  private buildNew(id: string, data: Record<string, unknown>, merge: boolean): Doc {
    if (merge && hasOperators(data)) {
      const doc: Doc = { _id: id }
      applyUpdate(doc, data as never)
      return doc
    }
    return { ...data, _id: id }
  }

  private applyChange(current: Doc, data: Record<string, unknown>, merge: boolean): Doc {
    if (!merge) return { ...clone(data), _id: current._id }
    const next = clone(current)
    const modifier = hasOperators(data) ? data : { $set: data }
    if (Object.keys(modifier).some((op) => !op.startsWith('$'))) {
      throw new BadRequest('INVALID_PARAM', 'an update cannot mix operators and plain fields')
    }
    try {
      applyUpdate(next, modifier as never)
    } catch (err) {
      throw new BadRequest('INVALID_PARAM', `invalid update: ${(err as Error).message}`)
    }
    next._id = current._id
    return next
  }

  // ---------------------------------------------------------------- transactions

  /** When each caller (a function call, by the SDK's seqId) first began a transaction. */
  private firstBegin = new Map<string, number>()

  begin(caller?: string): Txn {
    const started = performance.now()
    let priority = started
    if (caller) {
      priority = this.firstBegin.get(caller) ?? started
      if (!this.firstBegin.has(caller)) {
        this.firstBegin.set(caller, started)
        setTimeout(() => this.firstBegin.delete(caller), 30_000).unref()
      }
    }
    const txn: Txn = {
      id: `tx-${newId()}`,
      transactional: true,
      doomed: false,
      priority,
      held: new Set(),
      waitingFor: null,
      writes: new Map(),
      lastActive: performance.now(),
      finished: false,
    }
    this.txns.set(txn.id, txn)
    return txn
  }

  txn(id: unknown): Txn {
    const txn = typeof id === 'string' ? this.txns.get(id) : undefined
    if (!txn || txn.finished)
      throw new BadRequest(CONFLICT, 'transaction is not active (committed, aborted or timed out)')
    txn.lastActive = performance.now()
    return txn
  }

  /** Locks a document for the transaction; a doomed transaction goes on reading committed data. */
  private async lockFor(txn: Txn, coll: string, id: string): Promise<void> {
    await this.locks.acquire(txn, key(coll, id))
  }

  private viewIn(txn: Txn, coll: string, id: string): Doc | null {
    const buffered = txn.writes.get(key(coll, id))
    if (buffered) return buffered.doc ? clone(buffered.doc) : null
    return this.store.getDoc(coll, id)
  }

  async txnGet(txn: Txn, coll: string, id: string): Promise<Doc | null> {
    await this.lockFor(txn, coll, id)
    return this.viewIn(txn, coll, id)
  }

  async txnInsert(txn: Txn, coll: string, data: Record<string, unknown>): Promise<string> {
    const doc = this.prepareInsert(data)
    await this.lockFor(txn, coll, doc._id)
    if (this.viewIn(txn, coll, doc._id)) {
      // A doomed transaction read without its locks: what it finds inserted since is a lost race that its
      // retry settles, not a duplicate its code asked for.
      if (txn.doomed) throw conflict()
      throw duplicate(coll, doc._id)
    }
    txn.writes.set(key(coll, doc._id), { coll, id: doc._id, doc })
    return doc._id
  }

  async txnModify(
    txn: Txn,
    coll: string,
    id: string,
    data: Record<string, unknown>,
    opts: { merge: boolean; upsert: boolean },
  ): Promise<{ updated: number; upsertedId: string | null; doc: Doc | null }> {
    await this.lockFor(txn, coll, id)
    const current = this.viewIn(txn, coll, id)
    if (!current) {
      if (!opts.upsert) return { updated: 0, upsertedId: null, doc: null }
      const doc = this.buildNew(id, data, opts.merge)
      txn.writes.set(key(coll, id), { coll, id, doc })
      return { updated: 0, upsertedId: id, doc }
    }
    const next = this.applyChange(current, data, opts.merge)
    txn.writes.set(key(coll, id), { coll, id, doc: next })
    return { updated: 1, upsertedId: null, doc: next }
  }

  async txnRemove(txn: Txn, coll: string, id: string): Promise<number> {
    await this.lockFor(txn, coll, id)
    if (!this.viewIn(txn, coll, id)) return 0
    txn.writes.set(key(coll, id), { coll, id, doc: null })
    return 1
  }

  commit(txn: Txn): void {
    this.finish(txn)
    if (txn.doomed) throw conflict()
    try {
      this.store.apply([...txn.writes.values()])
    } finally {
      this.locks.releaseAll(txn)
    }
  }

  abort(txn: Txn): void {
    this.finish(txn)
    this.locks.releaseAll(txn)
  }

  private finish(txn: Txn): void {
    txn.finished = true
    this.txns.delete(txn.id)
  }

  private sweepIdle(): void {
    const cutoff = performance.now() - TXN_IDLE_MS
    for (const txn of [...this.txns.values()]) {
      if (txn.lastActive < cutoff && !txn.waitingFor) {
        this.locks.doom(txn)
        this.abort(txn)
      }
    }
  }

  get activeTransactions(): number {
    return this.txns.size
  }

  /** The clock functions see; kept here so that serverDate and timers agree. */
  serverNow(): number {
    return this.now()
  }
}

function conflict(): BadRequest {
  return new BadRequest(CONFLICT, 'transaction conflict: a concurrent transaction changed the same documents')
}

function duplicate(coll: string, id: string): BadRequest {
  return new BadRequest(
    REQUEST_FAILED,
    `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${id}" }`,
  )
}
