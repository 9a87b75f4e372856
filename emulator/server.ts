/**
 * The local CloudBase emulator: one HTTP server that
 *   - answers wx-server-sdk's database and openapi requests at /admin (db-api.ts, openapi.ts),
 *   - runs the cloud functions at POST /fn/<name> with the caller from the `x-wx-openid` header,
 *   - keeps the cloud storage's files and serves them at temporary URLs (storage.ts),
 *   - runs timer triggers on the emulated clock,
 *   - serves the H5 build of the app at /,
 *   - and offers test hooks under /__emulator/ (identities, outbox, clock, reset).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import * as clock from './clock'
import { DbApi, opKind } from './db-api'
import { Engine } from './engine'
import { FunctionRunner, type CallResult } from './functions'
import { handleOpenApi, phoneCodeKey } from './openapi'
import { applySeed, identities, isSeedName, type SeedName } from './seeds'
import { demoPhone } from './seeds/demo/people'
import { Secrets } from './secrets'
import { CloudStorage, STORAGE_ACTIONS } from './storage'
import { Store, type CollectionSpec } from './store'
import { firstFiring, parseCron } from './timers'

export interface EmulatorOptions {
  port: number
  host: string
  dataDir: string
  adminOpenids: string[]
  seed: SeedName
  /** The H5 build to serve at /, or null. */
  h5Dir: string | null
  functionsDir: string
  /** The collections (and their indexes) to declare, or null for none. */
  collectionsFile: string | null
  /** Create a collection on first use, as createCollection would, instead of answering -502005. */
  autoCollections?: boolean
  /**
   * How far the clock is from the machine's (ms) on a new data directory and after a reset that names no time of
   * its own: `--now` sets it so that the clock reads that instant when the emulator starts, and a test passes its
   * own clock's offset so that the emulator and the test read the same time. A data directory that already has
   * a clock keeps it.
   */
  clockOffsetMs?: number
  /** How long a transaction waits for a document another holds before it gives way with a conflict (default 2 s). */
  lockWaitMs?: number
  /**
   * The key the database endpoint requires (the functions' SDK configuration carries it); by default
   * EMULATOR_ADMIN_SECRET, else a random one for this process.
   */
  adminSecret?: string
}

const MAX_FN_BODY = 1024 * 1024
const MAX_ADMIN_BODY = 16 * 1024 * 1024
/** The deepest nesting of objects and arrays a function's payload may have (the top level counts 1). */
export const MAX_FN_DEPTH = 32

const envelope = (code: string, message: string) => ({ ok: false, code, message })

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
}

class TooLarge extends Error {}

/** Whether objects and arrays in `value` nest deeper than `limit` (counted without recursion). */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (!v || typeof v !== 'object') continue
    if (depth > limit) return true
    for (const child of Object.values(v)) stack.push([child, depth + 1])
  }
  return false
}

/**
 * The request's path decoded segment by segment, for routing: `bad` when it cannot be decoded, `outside`
 * when a segment is `.` or `..`, holds a slash, a backslash or a NUL once decoded, or is empty before the
 * end (`//x`) — so that `/fn/%2e%2e/admin` or `/..%2fsecret` reach nothing.
 */
function routePath(rawUrl: string): string | 'bad' | 'outside' {
  const raw = rawUrl.split(/[?#]/)[0]
  if (!raw.startsWith('/')) return 'bad'
  const segments = raw.slice(1).split('/')
  const decoded: string[] = []
  for (const [i, segment] of segments.entries()) {
    let d: string
    try {
      d = decodeURIComponent(segment)
    } catch {
      return 'bad'
    }
    if (d === '.' || d === '..' || /[/\\\0]/.test(d)) return 'outside'
    if (d === '' && i < segments.length - 1) return 'outside'
    decoded.push(d)
  }
  return `/${decoded.join('/')}`
}

/** The caller the `x-wx-openid` header names (null: anonymous), or 'bad' when it is not an openid. */
function callerOf(req: http.IncomingMessage): string | null | 'bad' {
  const header = req.headers['x-wx-openid']
  const openid = typeof header === 'string' && header.trim() ? header.trim() : null
  if (openid && (openid.length > 128 || !/^[\w-]+$/.test(openid))) return 'bad'
  return openid
}

const isInside = (file: string, root: string) => file === root || file.startsWith(root + path.sep)

/** The same secret, compared in constant time. */
function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest()
  const b = crypto.createHash('sha256').update(expected).digest()
  return crypto.timingSafeEqual(a, b)
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new TooLarge())
        req.resume()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(text)
}

export function loadCollections(file: string): Record<string, CollectionSpec> {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    collections: Record<string, Partial<CollectionSpec>>
  }
  return Object.fromEntries(
    Object.entries(raw.collections).map(([name, spec]) => [name, { indexes: spec.indexes ?? [] }]),
  )
}

export class Emulator {
  readonly store: Store
  readonly engine: Engine
  readonly api: DbApi
  readonly functions: FunctionRunner
  readonly storage: CloudStorage
  private server: http.Server
  private timerHandle: NodeJS.Timeout | null = null
  private lastTimerCheck = 0
  private timerRuns: Promise<unknown> = Promise.resolve()
  private readonly adminSecret: string
  url = ''

  constructor(private readonly opts: EmulatorOptions) {
    this.adminSecret =
      opts.adminSecret || process.env.EMULATOR_ADMIN_SECRET || crypto.randomBytes(24).toString('base64url')
    this.store = new Store(opts.dataDir)
    clock.installClock()
    const kept = this.store.getMeta('clockOffsetMs')
    if (kept !== null) clock.setOffset(Number(kept))
    else this.setClockOffset(opts.clockOffsetMs ?? 0)
    this.engine = new Engine(this.store, clock.now, opts.autoCollections ?? false, opts.lockWaitMs)
    this.api = new DbApi(this.engine)
    const secrets = new Secrets(opts.dataDir)
    this.functions = new FunctionRunner(
      opts.functionsDir,
      () => this.functionEnv(),
      (name) => secrets.get(name),
    )
    this.functions.setClockOffset(clock.getOffset())
    this.storage = new CloudStorage(
      this.store,
      opts.dataDir,
      secrets.get('STORAGE_URL_SECRET'),
      () => this.url,
    )
    this.declareCollections()
    applySeed(this.store, opts.seed, clock.now(), this.putSeedFile)
    this.server = http.createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => {
        console.error('[emulator] request failed:', err)
        if (!res.headersSent) sendJson(res, 500, envelope('internal', '系统出了点问题，请稍后再试'))
        else res.end()
      })
    })
    this.server.keepAliveTimeout = 65_000
  }

  /** A seed's file, stored as a function would store it. */
  private readonly putSeedFile = (filePath: string, bytes: Buffer) => {
    this.storage.put(filePath, bytes, '')
  }

  private declareCollections(): void {
    if (!this.opts.collectionsFile) return
    for (const [name, spec] of Object.entries(loadCollections(this.opts.collectionsFile))) {
      this.store.createCollection(name, spec)
    }
  }

  private functionEnv(): Record<string, string> {
    return {
      // wx-server-sdk appends its own query (env, seqId) to a URL that already has one.
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${this.url}/admin?key=${this.adminSecret}&` }),
      TENCENTCLOUD_SECRETID: 'local-emulator',
      TENCENTCLOUD_SECRETKEY: 'local-emulator',
      TENCENTCLOUD_SESSIONTOKEN: '',
      TENCENTCLOUD: 'true',
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      TCB_ENV: 'local',
      SCF_NAMESPACE: 'local',
      ADMIN_OPENIDS: this.opts.adminOpenids.join(','),
    }
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(this.opts.port, this.opts.host, () => resolve())
    })
    const address = this.server.address() as { port: number }
    this.url = `http://${this.opts.host}:${address.port}`
    // wx-server-sdk reads these when a function loads; they are the same for every call.
    this.functions.setSharedEnv(this.functionEnv())
    // `ready` is printed once every function has loaded, as a warm CloudBase environment would answer.
    await this.functions.preload()
    this.lastTimerCheck = clock.now()
    this.timerHandle = setInterval(() => void this.runDueTimers(clock.now()), 1000)
    this.timerHandle.unref()
    return this.url
  }

  async stop(): Promise<void> {
    if (this.timerHandle) clearInterval(this.timerHandle)
    await this.timerRuns
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve())
      this.server.closeAllConnections()
    })
    await this.functions.close()
    this.engine.close()
    this.store.close()
  }

  /** Sets the clock `offsetMs` from the machine's and keeps that in the store. */
  private setClockOffset(offsetMs: number): void {
    clock.setOffset(offsetMs)
    this.store.setMeta('clockOffsetMs', String(clock.getOffset()))
    this.functions?.setClockOffset(clock.getOffset())
    this.lastTimerCheck = clock.now()
  }

  /** Calls a function in-process, as POST /fn/<name> does (used by the bench and the timers). */
  call(name: string, data: Record<string, unknown>, openid: string | null): Promise<CallResult> {
    return this.functions.invoke(name, data, openid)
  }

  /** Runs every timer trigger that fell due between the last check and `until`. */
  private runDueTimers(until: number): Promise<unknown> {
    const from = this.lastTimerCheck
    this.lastTimerCheck = until
    const runs: Array<Promise<unknown>> = []
    for (const name of this.functions.list()) {
      for (const trigger of this.functions.config(name).triggers) {
        if (trigger.type !== 'timer') continue
        const at = firstFiring(parseCron(trigger.config), from, until)
        if (at === null) continue
        const event = { Type: 'Timer', TriggerName: trigger.name, Time: new Date(at).toISOString() }
        runs.push(
          this.functions.invoke(name, event, null).then((r) => {
            if (r.status !== 200)
              console.error(`[emulator] timer ${name}/${trigger.name} answered ${r.status}`)
          }),
        )
      }
    }
    const all = Promise.all(runs)
    this.timerRuns = this.timerRuns.then(() => all)
    return all
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const p = routePath(req.url ?? '/')
    if (p === 'bad') return sendJson(res, 400, envelope('invalid-argument', '地址格式不对'))
    if (p === 'outside') return sendJson(res, 404, envelope('not-found', '没有这个地址'))
    if (p === '/admin' && req.method === 'POST') {
      if (!this.fromTheSdk(req, url))
        return sendJson(res, 403, envelope('permission-denied', '不接受这个请求'))
      return this.handleAdmin(req, res, url)
    }
    if (p.startsWith('/fn/')) return this.handleFunction(req, res, p.slice(4))
    if (p.startsWith('/storage/')) {
      return this.storage.handleHttp(req, res, p, url, (limit) => readBody(req, limit))
    }
    if (p.startsWith('/cloud/storage/')) {
      const openid = callerOf(req)
      if (openid === 'bad') return sendJson(res, 400, envelope('invalid-argument', '身份标识格式不对'))
      const op = p.slice('/cloud/storage/'.length)
      return this.storage.handleClient(req, res, op, openid, (limit) => readBody(req, limit))
    }
    if (p === '/healthz') {
      return sendJson(res, 200, {
        ok: true,
        functions: this.functions.list(),
        collections: this.store.listCollections(),
      })
    }
    if (p.startsWith('/__emulator/')) return this.handleHooks(req, res, p.slice('/__emulator/'.length), url)
    if (req.method === 'GET' || req.method === 'HEAD') return this.serveStatic(res, p)
    sendJson(res, 404, envelope('not-found', '没有这个地址'))
  }

  /**
   * The database endpoint answers only requests shaped as wx-server-sdk sends them: JSON (or the
   * multipart of its openapi calls), nothing a browser adds to a web page's request (Origin, Sec-Fetch-*),
   * and this process's key in the query, which only the functions' SDK configuration carries.
   */
  private fromTheSdk(req: http.IncomingMessage, url: URL): boolean {
    const h = req.headers
    if (h.origin !== undefined || h['sec-fetch-mode'] !== undefined || h['sec-fetch-site'] !== undefined)
      return false
    const type = String(h['content-type'] ?? '').toLowerCase()
    if (!type.startsWith('application/json') && !type.startsWith('multipart/form-data')) return false
    return sameSecret(url.searchParams.get('key') ?? '', this.adminSecret)
  }

  private async handleAdmin(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const body = await readBody(req, MAX_ADMIN_BODY)
    const contentType = String(req.headers['content-type'] ?? '')
    if (contentType.startsWith('multipart/form-data')) {
      const answer = handleOpenApi(this.store, body, contentType)
      res.writeHead(200, { 'content-type': answer.contentType })
      res.end(answer.body)
      return
    }
    let parsed: Record<string, unknown>
    try {
      parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>
    } catch {
      return sendJson(res, 200, { code: 'INVALID_PARAM', message: 'request body is not JSON' })
    }
    const action = String(parsed.action ?? '')
    const seqId = url.searchParams.get('seqId')
    if (action === 'functions.invokeFunction')
      return sendJson(res, 200, await this.callFromFunction(parsed, seqId))
    if ((STORAGE_ACTIONS as readonly string[]).includes(action))
      return sendJson(res, 200, this.storage.handleAdmin(action, parsed))
    this.functions.countOp(seqId, opKind(action))
    sendJson(res, 200, await this.api.handle(parsed, seqId))
  }

  /**
   * `cloud.callFunction` from inside a function: the callee runs with the caller's user (found by the SDK's
   * seqId) and its own time limit. Replies as CloudBase does: `{data: {response_data}}` (the SDK answers
   * `{result, requestID}`), or FUNCTIONS_EXECUTE_FAIL (errCode -504002) with what went wrong.
   */
  private async callFromFunction(body: Record<string, unknown>, seqId: string | null) {
    const requestId = crypto.randomUUID()
    const name = String(body.function_name ?? '')
    if (!this.functions.has(name)) {
      return { requestId, code: 'FUNCTIONS_REQUEST_FAIL', message: `function ${name} does not exist` }
    }
    let data: unknown = {}
    try {
      if (typeof body.request_data === 'string' && body.request_data) data = JSON.parse(body.request_data)
    } catch {
      data = null
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      return { requestId, code: 'INVALID_PARAM', message: 'request_data must be a JSON object' }
    }
    const args = data as Record<string, unknown>
    // Called from outside any function (a script with the server SDK): no user, as on CloudBase.
    const result =
      (await this.functions.callFrom(seqId, name, args)) ??
      (await this.functions.invoke(name, args, null, 'scf'))
    const outcome = result.outcome
    if (outcome.kind === 'ok') return { requestId, data: { response_data: outcome.json } }
    const message =
      outcome.kind === 'crash' ? outcome.message : `Invoking task timed out after ${outcome.seconds} seconds`
    return { requestId, code: 'FUNCTIONS_EXECUTE_FAIL', message }
  }

  private async handleFunction(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    name: string,
  ): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, envelope('invalid-argument', '请用 POST 调用云函数'))
    let raw: Buffer
    try {
      raw = await readBody(req, MAX_FN_BODY)
    } catch (err) {
      if (err instanceof TooLarge) return sendJson(res, 413, envelope('invalid-argument', '提交的内容太大了'))
      throw err
    }
    if (!this.functions.has(name)) return sendJson(res, 404, envelope('not-found', '没有这个云函数'))
    let data: unknown
    try {
      data = JSON.parse(raw.toString('utf8'))
    } catch {
      data = undefined
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      return sendJson(res, 400, envelope('invalid-argument', '提交的内容格式不对'))
    }
    if (nestedDeeperThan(data, MAX_FN_DEPTH)) {
      return sendJson(res, 400, envelope('invalid-argument', '提交的内容层次太多了'))
    }
    const openid = callerOf(req)
    if (openid === 'bad') return sendJson(res, 400, envelope('invalid-argument', '身份标识格式不对'))
    const result = await this.functions.invoke(name, data as Record<string, unknown>, openid)
    res.writeHead(result.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-emulator-reads': String(result.ops.reads),
      'x-emulator-writes': String(result.ops.writes),
      'x-emulator-ms': result.ms.toFixed(2),
    })
    res.end(result.json)
  }

  private async handleHooks(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    hook: string,
    url: URL,
  ): Promise<void> {
    if (hook === 'identities' && req.method === 'GET')
      return sendJson(res, 200, { items: identities(this.store) })
    if (hook === 'outbox' && req.method === 'GET') {
      return sendJson(res, 200, {
        items: this.store.readOutbox(Number(url.searchParams.get('since') ?? 0) || 0),
      })
    }
    if (hook === 'phone-code' && req.method === 'POST') {
      // What WeChat's phone-number button gives a page: a one-time code for the person's own number.
      const body = JSON.parse((await readBody(req, 4096)).toString('utf8') || '{}') as { openid?: unknown }
      const phone = typeof body.openid === 'string' ? demoPhone(body.openid) : null
      if (!phone) return sendJson(res, 404, envelope('not-found', '这位示范用户没有手机号'))
      const code = `local-phone-${crypto.randomBytes(12).toString('hex')}`
      this.store.setMeta(phoneCodeKey(code), phone)
      return sendJson(res, 200, { code })
    }
    if (hook === 'stats' && req.method === 'GET') {
      return sendJson(res, 200, { fullScans: Object.fromEntries(this.store.fullScans) })
    }
    if (hook === 'clock' && req.method === 'GET') return sendJson(res, 200, { now: clock.now() })
    if (hook === 'clock' && req.method === 'POST') {
      const body = JSON.parse((await readBody(req, 4096)).toString('utf8') || '{}') as { advanceMs?: unknown }
      const advance = Number(body.advanceMs ?? 0)
      if (!Number.isFinite(advance) || advance < 0) {
        return sendJson(res, 400, envelope('invalid-argument', 'advanceMs 应为不小于 0 的毫秒数'))
      }
      if (advance > 0) {
        clock.setOffset(clock.getOffset() + advance)
        this.functions.setClockOffset(clock.getOffset())
        this.store.setMeta('clockOffsetMs', String(clock.getOffset()))
        await this.runDueTimers(clock.now())
      }
      return sendJson(res, 200, { now: clock.now() })
    }
    if (hook === 'reset' && req.method === 'POST') {
      const body = JSON.parse((await readBody(req, 4096)).toString('utf8') || '{}') as {
        seed?: unknown
        now?: unknown
        clockOffsetMs?: unknown
      }
      const seed = body.seed === undefined ? 'none' : body.seed
      if (!isSeedName(seed)) return sendJson(res, 400, envelope('invalid-argument', '没有这个种子数据'))
      for (const field of ['now', 'clockOffsetMs'] as const) {
        const value = body[field]
        if (value !== undefined && !(typeof value === 'number' && Number.isSafeInteger(value))) {
          return sendJson(res, 400, envelope('invalid-argument', `${field} 应为整数毫秒`))
        }
      }
      this.store.dropEverything()
      this.storage.sweep()
      this.declareCollections()
      // The clock goes to the time the caller names (an instant, or its own clock's offset), else back to the start.
      if (typeof body.now === 'number') clock.setNow(body.now)
      this.setClockOffset(
        typeof body.clockOffsetMs === 'number'
          ? body.clockOffsetMs
          : typeof body.now === 'number'
            ? clock.getOffset()
            : (this.opts.clockOffsetMs ?? 0),
      )
      applySeed(this.store, seed, clock.now(), this.putSeedFile)
      return sendJson(res, 200, { ok: true, seed })
    }
    sendJson(res, 404, envelope('not-found', '没有这个地址'))
  }

  private serveStatic(res: http.ServerResponse, pathname: string): void {
    const root = this.opts.h5Dir
    if (!root || !fs.existsSync(root)) {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('小社 · 邻里公益 本地云开发模拟器正在运行。页面尚未构建：请运行 npm start。\n')
      return
    }
    // `pathname` is decoded already (routePath); files are compared by their real paths, so that neither
    // `..` nor a link inside the folder leads out of it.
    const realRoot = fs.realpathSync(root)
    const wanted = path.resolve(realRoot, `.${pathname}`)
    const notFound = () => sendJson(res, 404, envelope('not-found', '没有这个地址'))
    if (!isInside(wanted, realRoot)) return notFound()
    let file: string
    try {
      file = fs.realpathSync(wanted)
    } catch {
      // Not a file: the app's own routes are answered with the app.
      file = path.join(realRoot, 'index.html')
    }
    if (!isInside(file, realRoot)) return notFound()
    if (fs.statSync(file).isDirectory()) file = path.join(realRoot, 'index.html')
    if (!fs.existsSync(file)) return notFound()
    const ext = path.extname(file)
    const hashed = /\.[0-9a-f]{8}\.(js|css)$/.test(file)
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    fs.createReadStream(file).pipe(res)
  }
}
