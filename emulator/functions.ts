/**
 * Runs the cloud functions of a folder (for this project, cloudfunctions/<name>/index.js, exactly what
 * deploys) as CloudBase does: each function in an instance of its own (function-host.ts), a process started
 * in the function's folder with that folder and its node_modules on NODE_PATH, with the caller's identity per
 * call and the function's own time limit. The database operations a call makes are counted here, matched by
 * the SDK's seqId (each call gets its own TCB_SEQID), and so is the call that makes a function-to-function
 * call (callFrom).
 */
import { fork, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { FromHost, ToHost } from './function-host'

export interface FunctionConfig {
  /** Seconds, as in CloudBase's config.json. */
  timeout: number
  envVariables: Record<string, string>
  triggers: Array<{ name: string; type: string; config: string }>
}

/** How a call ended: the function's answer, an error it threw, or its time limit. */
export type Outcome =
  { kind: 'ok'; json: string } | { kind: 'crash'; message: string } | { kind: 'timeout'; seconds: number }

export interface CallResult {
  status: number
  /** What the caller over HTTP receives, as JSON text: the function's answer, or CloudBase's error. */
  json: string
  outcome: Outcome
  /** Database operations the call made, by kind. */
  ops: { reads: number; writes: number }
  ms: number
}

/** The error codes CloudBase gives a caller when a function throws or runs out of time. */
export const FUNCTIONS_EXECUTE_FAIL = -504002
export const FUNCTIONS_TIME_LIMIT_EXCEEDED = -504003

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

/** What the caller of a function is told about how it ended (the body of POST /fn/<name>). */
export function answerOf(outcome: Outcome): { status: number; json: string } {
  switch (outcome.kind) {
    case 'ok':
      return { status: 200, json: outcome.json }
    case 'crash':
      return {
        status: 500,
        json: JSON.stringify({
          errCode: FUNCTIONS_EXECUTE_FAIL,
          errMsg: 'functions execute fail',
          message: outcome.message,
        }),
      }
    case 'timeout':
      return {
        status: 504,
        json: JSON.stringify({
          errCode: FUNCTIONS_TIME_LIMIT_EXCEEDED,
          errMsg: `Invoking task timed out after ${outcome.seconds} seconds`,
        }),
      }
  }
}

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/
/** How long an instance may take to load its function before it is stopped (SCF's initialisation limit). */
const STARTUP_MS = 30_000
const HOST = path.join(__dirname, 'function-host.cjs')
/** The emulator's own packages: where a function that ships no node_modules finds wx-server-sdk. */
const OWN_MODULES = path.resolve(__dirname, '..', 'node_modules')

/** A running call, as a function-to-function call made from it needs to know it. */
interface Running {
  ops: { reads: number; writes: number }
  openid: string | null
  source: string
}

interface Instance {
  child: ChildProcess
  /** Resolves when the function has loaded (true), or the process ended before that (false). */
  ready: Promise<boolean>
  pending: Map<number, (m: Outcome) => void>
}

export class FunctionRunner {
  private instances = new Map<string, Instance>()
  private seq = 0
  private running = new Map<string, Running>()
  private configs = new Map<string, FunctionConfig>()
  private sharedEnv: Record<string, string> = {}
  private clockOffset = 0
  private closed = false

  constructor(
    private readonly root: string,
    private readonly baseEnv: () => Record<string, string>,
    /** Fills a function's `*_SECRET` variables that config.json leaves empty (see secrets.ts). */
    private readonly secret: (name: string) => string,
  ) {}

  async close(): Promise<void> {
    this.closed = true
    await Promise.all(
      [...this.instances.values()].map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve()
            child.once('exit', () => resolve())
            child.kill()
          }),
      ),
    )
    this.instances.clear()
  }

  /** Tells every instance the clock offset; calls sent afterwards see it. */
  setClockOffset(offset: number): void {
    this.clockOffset = offset
    for (const { child } of this.instances.values()) send(child, { type: 'clock', offset })
  }

  /** Sets variables that every instance shares (the platform's, read when a function loads). */
  setSharedEnv(env: Record<string, string>): void {
    this.sharedEnv = env
    for (const { child } of this.instances.values()) send(child, { type: 'env', env })
  }

  /**
   * Starts an instance of every function and resolves once each has loaded (or failed to), so that first calls
   * are warm and a caller who waits for `ready` does not spend its own time limits on cold starts.
   */
  async preload(): Promise<void> {
    await Promise.all(this.list().map((name) => this.instance(name).ready))
  }

  /**
   * The function's instance, started if need be: a process in the function's folder, with the folder, its
   * node_modules and (last) the emulator's own packages on NODE_PATH, as SCF puts the code folder there.
   */
  private instance(name: string): Instance {
    const existing = this.instances.get(name)
    if (existing) return existing
    if (this.closed) throw new Error('the emulator is stopping')
    const dir = path.join(this.root, name)
    const child = fork(HOST, [path.join(dir, 'index.js')], {
      cwd: dir,
      env: {
        ...process.env,
        ...this.sharedEnv,
        NODE_PATH: [dir, path.join(dir, 'node_modules'), OWN_MODULES].join(path.delimiter),
      },
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    const pending = new Map<number, (m: Outcome) => void>()
    const startup = setTimeout(() => {
      console.error(`[emulator] the instance of ${name} did not load in ${STARTUP_MS / 1000} s; stopping it`)
      child.kill('SIGKILL')
    }, STARTUP_MS)
    startup.unref()
    const ready = new Promise<boolean>((resolve) => {
      child.on('message', (m: FromHost) => {
        if (m.type === 'ready') {
          clearTimeout(startup)
          return resolve(true)
        }
        const done = pending.get(m.id)
        pending.delete(m.id)
        done?.(m.type === 'ok' ? { kind: 'ok', json: m.json } : { kind: 'crash', message: m.message })
      })
      child.on('exit', (code, signal) => {
        clearTimeout(startup)
        resolve(false)
        if (this.instances.get(name)?.child === child) this.instances.delete(name)
        const message = `the instance of ${name} ended (${signal ?? `exit code ${code}`})`
        for (const done of pending.values()) done({ kind: 'crash', message })
        pending.clear()
      })
    })
    child.on('error', (err) => console.error(`[emulator] instance of ${name} failed:`, err))
    send(child, { type: 'clock', offset: this.clockOffset })
    send(child, { type: 'env', env: this.sharedEnv })
    const instance = { child, ready, pending }
    this.instances.set(name, instance)
    return instance
  }

  /** Names of the functions that have an index.js. */
  list(): string[] {
    if (!fs.existsSync(this.root)) return []
    return fs
      .readdirSync(this.root)
      .filter((name) => this.has(name))
      .sort()
  }

  has(name: string): boolean {
    return NAME.test(name) && fs.existsSync(path.join(this.root, name, 'index.js'))
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
    const ops = this.running.get(seqId.split('-')[0])?.ops
    if (ops) ops[kind === 'read' ? 'reads' : 'writes']++
  }

  /**
   * A call made from inside a function (wx-server-sdk's cloud.callFunction, found by the SDK's seqId): the
   * callee runs with the caller's user, its SOURCE the caller's followed by `scf`, as CloudBase passes it.
   * Null when the seqId belongs to no running call.
   */
  callFrom(seqId: string | null, name: string, data: Record<string, unknown>): Promise<CallResult> | null {
    const caller = seqId ? this.running.get(seqId.split('-')[0]) : undefined
    if (!caller) return null
    return this.invoke(name, data, caller.openid, `${caller.source},scf`)
  }

  /**
   * Calls a function as CloudBase would: `event` is the caller's data with the platform's `userInfo`
   * written over whatever the caller sent; the identity is the `openid` given (none: anonymous).
   */
  async invoke(
    name: string,
    data: Record<string, unknown>,
    openid: string | null,
    source = 'wx_client',
  ): Promise<CallResult> {
    const ops = { reads: 0, writes: 0 }
    if (!this.has(name)) throw new Error(`no function ${name}`)
    const config = this.config(name)
    const requestId = crypto.randomUUID()
    const seq = requestId.replace(/-/g, '')
    // CloudBase sets the caller's context variables and lists them in WX_CONTEXT_KEYS, which
    // getWXContext() reads; an anonymous call (a timer, or no identity) has no openid among them.
    const wx: Record<string, string> = openid
      ? { WX_OPENID: openid, WX_APPID: EMULATOR_APPID, WX_UNIONID: '' }
      : {}
    Object.assign(wx, { WX_CLIENTIP: '127.0.0.1', WX_CLIENTIPV6: '::1', WX_SOURCE: source })
    const env = {
      ...this.baseEnv(),
      ...this.withSecrets(config.envVariables),
      WX_OPENID: '',
      WX_APPID: '',
      ...wx,
      WX_CONTEXT_KEYS: Object.keys(wx).join(','),
      TCB_SOURCE: source,
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
    this.running.set(seq, { ops, openid, source })
    const started = performance.now()
    let timer: NodeJS.Timeout | undefined
    try {
      const instance = this.instance(name)
      // The time limit counts from a loaded instance: starting one is the emulator's cost, not the call's.
      const outcome: Outcome = !(await instance.ready)
        ? { kind: 'crash', message: `the instance of ${name} could not start` }
        : await Promise.race([
            new Promise<Outcome>((resolve) => {
              const id = ++this.seq
              instance.pending.set(id, resolve)
              send(instance.child, { type: 'invoke', id, event, context, env })
            }),
            new Promise<Outcome>((resolve) => {
              timer = setTimeout(
                () => resolve({ kind: 'timeout', seconds: config.timeout }),
                config.timeout * 1000,
              )
            }),
          ])
      return { ...answerOf(outcome), outcome, ops, ms: performance.now() - started }
    } finally {
      clearTimeout(timer)
      // Keep counting a little longer: a timed-out call may still be talking to the database.
      setTimeout(() => this.running.delete(seq), 5000).unref()
    }
  }
}

function send(child: ChildProcess, message: ToHost): void {
  if (child.connected) child.send(message)
}
