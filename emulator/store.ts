/**
 * The emulator's durable storage: one SQLite database (through libsql, whose native binary ships as an npm
 * package, so nothing compiles at install time) in WAL mode with `synchronous=FULL`, so that every write
 * the emulator acknowledges has reached the disk and survives `kill -9`.
 *
 * Each collection is a table of (id, data) where data is the document as relaxed EJSON text. Indexes
 * declared in database/collections.json become expression indexes on json_extract(data, '$.field'), which
 * the query planner (planner.ts) uses to narrow a query before the documents are matched in JavaScript.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'libsql'
import { EJSON } from 'bson'

export type Doc = Record<string, unknown> & { _id: string }

/** An index over top-level or dotted fields; the order of fields matters as in MongoDB. */
export interface IndexSpec {
  name: string
  fields: Array<{ field: string; direction: 1 | -1 }>
  unique?: boolean
}

export interface CollectionSpec {
  indexes: IndexSpec[]
}

/** A file of the emulated cloud storage: its path in the bucket, where its bytes are, and who uploaded it. */
export interface StoredFile {
  path: string
  blob: string
  size: number
  contentType: string
  /** The openid of the person who uploaded it from the app; empty when a function (the admin) did. */
  owner: string
  createdAt: number
}

/** A write to apply atomically: put a whole document, or delete one. */
export type Write = { coll: string; id: string; doc: Doc | null }

const NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/

export function isValidCollectionName(name: unknown): name is string {
  return typeof name === 'string' && NAME.test(name)
}

const table = (coll: string) => `"c_${coll}"`

/** Rows read per statement when streaming a query. */
const CHUNK = 200

export function serializeDoc(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: true })
}

export function parseDoc(text: string): Doc {
  return EJSON.parse(text, { relaxed: true }) as Doc
}

/** SQL for a field's value inside the stored JSON. */
export function fieldExpr(field: string): string {
  if (!FIELD.test(field)) throw new Error(`bad field name ${field}`)
  return `json_extract(data, '$.${field}')`
}

export class Store {
  readonly db: InstanceType<typeof Database>
  private collections = new Set<string>()
  /** Queries that read a whole table (no index narrowed them), by collection: for tests and the bench. */
  readonly fullScans = new Map<string, number>()
  private plans = new Map<string, boolean>()
  private statements = new Map<string, Database.Statement<unknown[]>>()
  private specs = new Map<string, CollectionSpec>()
  readonly file: string

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true })
    this.file = path.join(dataDir, 'cloudbase.sqlite')
    this.db = new Database(this.file)
    this.db.exec('PRAGMA journal_mode = WAL')
    this.db.exec('PRAGMA synchronous = FULL')
    this.db.exec('PRAGMA busy_timeout = 5000')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS __collections (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS __meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS __files (
        path TEXT PRIMARY KEY, blob TEXT NOT NULL, size INTEGER NOT NULL, content_type TEXT NOT NULL,
        owner TEXT NOT NULL, created_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS __outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, api TEXT NOT NULL, payload TEXT NOT NULL
      );
    `)
    for (const row of this.db.prepare('SELECT name FROM __collections').all() as Array<{ name: string }>) {
      this.collections.add(row.name)
    }
  }

  close(): void {
    this.statements.clear()
    this.db.close()
  }

  /** Prepared statements are reused: preparing costs more than running a point lookup. */
  private stmt(sql: string): Database.Statement<unknown[]> {
    let st = this.statements.get(sql)
    if (!st) {
      st = this.db.prepare(sql)
      if (this.statements.size > 500) this.statements.clear()
      this.statements.set(sql, st)
    }
    return st
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  listCollections(): string[] {
    return [...this.collections].sort()
  }

  indexesOf(coll: string): IndexSpec[] {
    return this.specs.get(coll)?.indexes ?? []
  }

  /** Creates the collection if missing; answers false when it already existed. */
  createCollection(name: string, spec: CollectionSpec = { indexes: [] }): boolean {
    if (!isValidCollectionName(name)) throw new Error(`bad collection name ${name}`)
    const existed = this.collections.has(name)
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${table(name)} (id TEXT PRIMARY KEY, data TEXT NOT NULL)`)
    this.db
      .prepare('INSERT OR IGNORE INTO __collections (name, created_at) VALUES (?, ?)')
      .run(name, Date.now())
    this.collections.add(name)
    this.applyIndexes(name, spec)
    return !existed
  }

  /** Declares indexes (from database/collections.json) on an existing collection. */
  applyIndexes(name: string, spec: CollectionSpec): void {
    const merged = new Map(this.indexesOf(name).map((ix) => [ix.name, ix]))
    for (const ix of spec.indexes) merged.set(ix.name, ix)
    this.specs.set(name, { indexes: [...merged.values()] })
    for (const ix of spec.indexes) {
      const cols = ix.fields.map((f) => `${fieldExpr(f.field)} ${f.direction === -1 ? 'DESC' : 'ASC'}`)
      const unique = ix.unique ? 'UNIQUE ' : ''
      this.db.exec(
        `CREATE ${unique}INDEX IF NOT EXISTS "ix_${name}_${ix.name}" ON ${table(name)} (${cols.join(', ')})`,
      )
    }
  }

  /**
   * Empties every collection and forgets them (the caller declares them again). Rows are deleted rather
   * than tables dropped: a statement that was read only partly keeps a table busy for schema changes.
   */
  dropEverything(): void {
    this.plans.clear()
    this.fullScans.clear()
    const wipe = this.db.transaction(() => {
      for (const name of this.collections) this.db.exec(`DELETE FROM ${table(name)}`)
      this.db.exec(
        'DELETE FROM __collections; DELETE FROM __meta; DELETE FROM __outbox; DELETE FROM __files;',
      )
    })
    wipe()
    this.collections.clear()
    this.specs.clear()
  }

  getDoc(coll: string, id: string): Doc | null {
    const row = this.db.prepare(`SELECT data FROM ${table(coll)} WHERE id = ?`).get(id) as
      { data: string } | undefined
    return row ? parseDoc(row.data) : null
  }

  /** Runs a SELECT over one collection's table; `where`/`order` are SQL built by the planner. */
  select(coll: string, where: string, params: unknown[], order = '', limit?: number): Doc[] {
    const sql =
      `SELECT data FROM ${table(coll)}` +
      (where ? ` WHERE ${where}` : '') +
      (order ? ` ORDER BY ${order}` : '') +
      (limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(limit))}` : '')
    const rows = this.db.prepare(sql).all(...params) as Array<{ data: string }>
    return rows.map((r) => parseDoc(r.data))
  }

  /** Streams the documents of a SELECT, so a reader that has its page can stop early. */
  *iterate(coll: string, where: string, params: unknown[], order = ''): Generator<Doc> {
    const sql = `SELECT data FROM ${table(coll)}${where ? ` WHERE ${where}` : ''}${order ? ` ORDER BY ${order}` : ''}`
    let scans = this.plans.get(sql)
    if (scans === undefined) {
      // A plan step "SCAN c_x" without an index reads every row; "SEARCH" or "USING INDEX" does not.
      const steps = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>
      scans = steps.some((s) => /^SCAN c_/.test(s.detail) && !/USING (COVERING )?INDEX/.test(s.detail))
      this.plans.set(sql, scans)
    }
    if (scans) this.fullScans.set(coll, (this.fullScans.get(coll) ?? 0) + 1)
    // Read in chunks, each a complete statement: a reader that stops early leaves no cursor open
    // (an open cursor would hold the table and block schema changes such as a reset). Each chunk is twice
    // the size of the one before, so a reader of a whole table makes a handful of statements and visits
    // every row about twice, rather than once per chunk before it.
    const chunked = this.stmt(`${sql} LIMIT ? OFFSET ?`)
    for (let offset = 0, size = CHUNK; ; offset += size, size *= 2) {
      const rows = chunked.all(...params, size, offset) as Array<{ data: string }>
      for (const row of rows) yield parseDoc(row.data)
      if (rows.length < size) return
    }
  }

  /** Explains how SQLite would run a query: used by tests and the bench to prove an index is used. */
  explain(coll: string, where: string, params: unknown[], order = ''): string {
    const sql = `EXPLAIN QUERY PLAN SELECT data FROM ${table(coll)}${where ? ` WHERE ${where}` : ''}${order ? ` ORDER BY ${order}` : ''}`
    const rows = this.db.prepare(sql).all(...params) as Array<{ detail: string }>
    return rows.map((r) => r.detail).join('; ')
  }

  count(coll: string): number {
    const row = this.db.prepare(`SELECT count(*) AS n FROM ${table(coll)}`).get() as { n: number }
    return Number(row.n)
  }

  /** Applies writes in one SQLite transaction: all of them reach the disk, or none. */
  apply(writes: Write[]): void {
    if (writes.length === 0) return
    const run = this.db.transaction((list: Write[]) => {
      for (const w of list) {
        if (w.doc === null) this.stmt(`DELETE FROM ${table(w.coll)} WHERE id = ?`).run(w.id)
        else
          this.stmt(
            `INSERT INTO ${table(w.coll)} (id, data) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data`,
          ).run(w.id, serializeDoc(w.doc))
      }
    })
    run(writes)
  }

  getMeta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM __meta WHERE key = ?').get(key) as
      { value: string } | undefined
    return row ? row.value : null
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO __meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value)
  }

  /** The stored file at `path` (storage.ts keeps its bytes in a blob file), or null. */
  getFile(path: string): StoredFile | null {
    const row = this.stmt('SELECT * FROM __files WHERE path = ?').get(path) as
      | { path: string; blob: string; size: number; content_type: string; owner: string; created_at: number }
      | undefined
    if (!row) return null
    return {
      path: row.path,
      blob: row.blob,
      size: Number(row.size),
      contentType: row.content_type,
      owner: row.owner,
      createdAt: Number(row.created_at),
    }
  }

  /** Records a file (replacing one at the same path); answers the blob it replaced, if any. */
  putFile(file: StoredFile): string | null {
    const previous = this.getFile(file.path)
    this.stmt(
      `INSERT INTO __files (path, blob, size, content_type, owner, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(path) DO UPDATE SET blob = excluded.blob, size = excluded.size,
         content_type = excluded.content_type, owner = excluded.owner, created_at = excluded.created_at`,
    ).run(file.path, file.blob, file.size, file.contentType, file.owner, file.createdAt)
    return previous?.blob ?? null
  }

  /** Forgets the file at `path`; answers its blob, or null when there was none. */
  deleteFile(path: string): string | null {
    const previous = this.getFile(path)
    if (previous) this.stmt('DELETE FROM __files WHERE path = ?').run(path)
    return previous?.blob ?? null
  }

  /** Every blob a stored file refers to. */
  fileBlobs(): Set<string> {
    const rows = this.db.prepare('SELECT blob FROM __files').all() as Array<{ blob: string }>
    return new Set(rows.map((r) => r.blob))
  }

  appendOutbox(at: number, api: string, payload: unknown): void {
    this.db
      .prepare('INSERT INTO __outbox (at, api, payload) VALUES (?, ?, ?)')
      .run(at, api, JSON.stringify(payload))
  }

  readOutbox(sinceSeq = 0): Array<{ seq: number; at: number; api: string; payload: unknown }> {
    const rows = this.db
      .prepare('SELECT seq, at, api, payload FROM __outbox WHERE seq > ? ORDER BY seq')
      .all(sinceSeq) as Array<{ seq: number; at: number; api: string; payload: string }>
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: Number(r.at),
      api: r.api,
      payload: JSON.parse(r.payload),
    }))
  }
}
