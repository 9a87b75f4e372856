/**
 * Runs the cloud functions' built code (cloudfunctions/<name>/index.js, exactly what deploys) with the
 * caller's identity per call, in a pool of worker threads (function-worker.ts) apart from the database,
 * with the function's time limit. The database operations a call makes are counted here, matched by the
 * SDK's seqId (each call gets its own TCB_SEQID).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { FromWorker, ToWorker } from './function-worker'

export interface FunctionConfig {
  /** Seconds, as in CloudBase's config.json. */
  timeout: number
  envVariables: Record<string, string>
  triggers: Array<{ name: string; type: string; config: string }>
}

export interface CallResult {
  status: number
  /** The function's answer as JSON text. */
  json: string
  /** Database operations the call made, by kind. */
  ops: { reads: number; writes: number }
  ms: number
}

export const EMULATOR_APPID = 'wx0000000000local'

export function readFunctionConfig(dir: string): FunctionConfig {
  const file = path.join(dir, 'config.json')
  const raw = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<FunctionConfig>)
    : {}
  return {
    timeout: typeof raw.timeout === 'number' ? raw.timeout : 3,
    envVariables: raw.envVariables ?? {},
    triggers: raw.triggers ?? [],
  }
}

const DEADLINE = JSON.stringify({
  ok: false,
  code: 'deadline-exceeded',
  message: '服务器响应太慢，请稍后再试',
})
const CRASH = JSON.stringify({ ok: false, code: 'internal', message: '系统出了点问题，请稍后再试' })

export class FunctionRunner {
  private workers: Worker[] = []
  private next = 0
  private pending = new Map<number, (m: FromWorker) => void>()
  private seq = 0
  private opsBySeq = new Map<string, { reads: number; writes: number }>()
  private configs = new Map<string, FunctionConfig>()

  constructor(
    private readonly root: string,
    private readonly baseEnv: () => Record<string, string>,
    /** Fills a function's `*_SECRET` variables that config.json leaves empty (see secrets.ts). */
    private readonly secret: (name: string) => string,
    size = Number(process.env.FUNCTION_WORKERS) || Math.max(1, Math.min(4, os.cpus().length - 1)),
  ) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(path.join(__dirname, 'function-worker.cjs'))
      worker.on('message', (m: FromWorker) => {
        const done = this.pending.get(m.id)
        this.pending.delete(m.id)
        done?.(m)
      })
      worker.on('error', (err) => console.error('[emulator] function worker failed:', err))
      worker.unref()
      this.workers.push(worker)
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()))
  }

  /** Tells every instance the clock offset; calls sent afterwards see it. */
  setClockOffset(offset: number): void {
    for (const w of this.workers) w.postMessage({ type: 'clock', offset } satisfies ToWorker)
  }

  /** Sets variables that every instance shares (the platform's, read when a function loads). */
  setSharedEnv(env: Record<string, string>): void {
    for (const w of this.workers) w.postMessage({ type: 'env', env } satisfies ToWorker)
  }

  /** Loads every built function in every instance, so that first calls are warm. */
  preload(): void {
    for (const name of this.list()) {
      for (const w of this.workers)
        w.postMessage({ type: 'preload', file: path.join(this.root, name, 'index.js') } satisfies ToWorker)
    }
  }

  /** Names of the functions that have a built index.js. */
  list(): string[] {
    if (!fs.existsSync(this.root)) return []
    return fs
      .readdirSync(this.root)
      .filter(
        (name) => /^[a-z][a-z0-9-]*$/i.test(name) && fs.existsSync(path.join(this.root, name, 'index.js')),
      )
      .sort()
  }

  has(name: string): boolean {
    return /^[a-z][a-z0-9-]*$/i.test(name) && fs.existsSync(path.join(this.root, name, 'index.js'))
  }

  config(name: string): FunctionConfig {
    let config = this.configs.get(name)
    if (!config) {
      config = readFunctionConfig(path.join(this.root, name))
      this.configs.set(name, config)
    }
    return config
  }

  private withSecrets(vars: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries(vars)) out[k] = v === '' && k.endsWith('_SECRET') ? this.secret(k) : v
    return out
  }

  /** Counts a database request against the call that made it (found by the SDK's seqId prefix). */
  countOp(seqId: string | null, kind: 'read' | 'write' | 'other'): void {
    if (!seqId || kind === 'other') return
    const ops = this.opsBySeq.get(seqId.split('-')[0])
    if (ops) ops[kind === 'read' ? 'reads' : 'writes']++
  }

  /**
   * Calls a function as CloudBase would: `event` is the caller's data with the platform's `userInfo`
   * written over whatever the caller sent; the identity is the `openid` given (none: anonymous).
   */
  async invoke(name: string, data: Record<string, unknown>, openid: string | null): Promise<CallResult> {
    const ops = { reads: 0, writes: 0 }
    if (!this.has(name)) return { status: 404, json: 'null', ops, ms: 0 }
    const config = this.config(name)
    const requestId = crypto.randomUUID()
    const seq = requestId.replace(/-/g, '')
    // CloudBase sets the caller's context variables and lists them in WX_CONTEXT_KEYS, which
    // getWXContext() reads; an anonymous call (a timer, or no identity) has no openid among them.
    const wx: Record<string, string> = openid
      ? { WX_OPENID: openid, WX_APPID: EMULATOR_APPID, WX_UNIONID: '' }
      : {}
    Object.assign(wx, { WX_CLIENTIP: '127.0.0.1', WX_CLIENTIPV6: '::1', WX_SOURCE: 'wx_client' })
    const env = {
      ...this.baseEnv(),
      ...this.withSecrets(config.envVariables),
      WX_OPENID: '',
      WX_APPID: '',
      ...wx,
      WX_CONTEXT_KEYS: Object.keys(wx).join(','),
      TCB_SOURCE: 'wx_client',
      TCB_SEQID: seq,
      TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TCB_SOURCE',
      SCF_FUNCTIONNAME: name,
    }
    const event = {
      ...data,
      userInfo: { appId: openid ? EMULATOR_APPID : undefined, openId: openid ?? undefined },
    }
    const context = {
      request_id: requestId,
      function_name: name,
      function_version: '$LATEST',
      memory_limit_in_mb: 256,
      time_limit_in_ms: config.timeout * 1000,
    }
    this.opsBySeq.set(seq, ops)
    const id = ++this.seq
    const worker = this.workers[this.next++ % this.workers.length]
    const started = performance.now()
    let timer: NodeJS.Timeout | undefined
    try {
      const outcome = await Promise.race([
        new Promise<FromWorker>((resolve) => {
          this.pending.set(id, resolve)
          worker.postMessage({
            type: 'invoke',
            id,
            file: path.join(this.root, name, 'index.js'),
            event,
            context,
            env,
          } satisfies ToWorker)
        }),
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), config.timeout * 1000)
        }),
      ])
      const ms = performance.now() - started
      if (outcome === null) return { status: 504, json: DEADLINE, ops, ms }
      if (outcome.kind === 'crash') return { status: 500, json: CRASH, ops, ms }
      return { status: 200, json: outcome.json, ops, ms }
    } finally {
      clearTimeout(timer)
      // Keep counting a little longer: a timed-out call may still be talking to the database.
      setTimeout(() => this.opsBySeq.delete(seq), 5000).unref()
    }
  }
}
