/**
 * Runs the cloud functions' built code (cloudfunctions/<name>/index.js, exactly what deploys) in the
 * emulator's process, each call with its own caller identity.
 *
 * wx-server-sdk reads the caller from process.env at call time (WX_OPENID, WX_APPID, …), as CloudBase
 * sets it per invocation. Here many calls run at once in one process, so process.env is replaced by a view
 * that answers from the current call's environment (AsyncLocalStorage) before the real one: concurrent
 * callers never see each other's identity.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export interface FunctionConfig {
  /** Seconds, as in CloudBase's config.json. */
  timeout: number
  envVariables: Record<string, string>
  triggers: Array<{ name: string; type: string; config: string }>
}

export interface CallResult {
  status: number
  body: unknown
  /** Database operations the call made, by kind. */
  ops: { reads: number; writes: number }
  ms: number
}

interface CallContext {
  env: Record<string, string>
  ops: { reads: number; writes: number }
}

const callContext = new AsyncLocalStorage<CallContext>()
const callsBySeq = new Map<string, CallContext>()
let envInstalled = false

export const EMULATOR_APPID = 'wx0000000000local'

/** Makes process.env answer from the current call's environment first. */
function installEnvView(): void {
  if (envInstalled) return
  envInstalled = true
  const real = process.env
  process.env = new Proxy(real, {
    get(target, prop) {
      const own = typeof prop === 'string' ? callContext.getStore()?.env : undefined
      if (own && typeof prop === 'string' && Object.prototype.hasOwnProperty.call(own, prop)) return own[prop]
      return Reflect.get(target, prop)
    },
    has(target, prop) {
      const own = callContext.getStore()?.env
      return (own !== undefined && typeof prop === 'string' && prop in own) || Reflect.has(target, prop)
    },
    set(target, prop, value) {
      return Reflect.set(target, prop, value)
    },
    deleteProperty(target, prop) {
      return Reflect.deleteProperty(target, prop)
    },
    ownKeys(target) {
      const own = callContext.getStore()?.env
      return [...new Set([...Reflect.ownKeys(target), ...(own ? Object.keys(own) : [])])]
    },
    getOwnPropertyDescriptor(target, prop) {
      const own = callContext.getStore()?.env
      if (own && typeof prop === 'string' && Object.prototype.hasOwnProperty.call(own, prop)) {
        return { value: own[prop], writable: true, enumerable: true, configurable: true }
      }
      return Reflect.getOwnPropertyDescriptor(target, prop)
    },
  })
}

/** Counts a database request against the call that made it (found by the SDK's seqId prefix). */
export function countOp(seqId: string | null, kind: 'read' | 'write' | 'other'): void {
  if (!seqId || kind === 'other') return
  const ctx = callsBySeq.get(seqId.split('-')[0])
  if (ctx) ctx.ops[kind === 'read' ? 'reads' : 'writes']++
}

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

type Main = (event: unknown, context: unknown) => unknown

export class FunctionRunner {
  private loaded = new Map<string, { main: Main; config: FunctionConfig }>()

  constructor(
    private readonly root: string,
    private readonly baseEnv: () => Record<string, string>,
  ) {
    installEnvView()
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

  config(name: string): FunctionConfig {
    return readFunctionConfig(path.join(this.root, name))
  }

  private load(name: string): { main: Main; config: FunctionConfig } | null {
    const cached = this.loaded.get(name)
    if (cached) return cached
    if (!this.list().includes(name)) return null
    const dir = path.join(this.root, name)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, 'index.js')) as { main?: Main }
    if (typeof mod.main !== 'function') return null
    const entry = { main: mod.main, config: readFunctionConfig(dir) }
    this.loaded.set(name, entry)
    return entry
  }

  has(name: string): boolean {
    return this.load(name) !== null
  }

  /**
   * Calls a function as CloudBase would: `event` is the caller's data with the platform's `userInfo`
   * written over whatever the caller sent; the identity is the `openid` given (none: anonymous).
   */
  async invoke(name: string, data: Record<string, unknown>, openid: string | null): Promise<CallResult> {
    const fn = this.load(name)
    if (!fn) return { status: 404, body: null, ops: { reads: 0, writes: 0 }, ms: 0 }
    const requestId = crypto.randomUUID()
    const seq = requestId.replace(/-/g, '')
    // CloudBase sets the caller's context variables and lists them in WX_CONTEXT_KEYS, which
    // getWXContext() reads; an anonymous call (a timer, or no identity) has no openid among them.
    const wx: Record<string, string> = openid
      ? { WX_OPENID: openid, WX_APPID: EMULATOR_APPID, WX_UNIONID: '' }
      : {}
    Object.assign(wx, { WX_CLIENTIP: '127.0.0.1', WX_CLIENTIPV6: '::1', WX_SOURCE: 'wx_client' })
    const ctx: CallContext = {
      env: {
        ...this.baseEnv(),
        ...fn.config.envVariables,
        WX_OPENID: '',
        WX_APPID: '',
        ...wx,
        WX_CONTEXT_KEYS: Object.keys(wx).join(','),
        TCB_SOURCE: 'wx_client',
        TCB_SEQID: seq,
        TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TCB_SOURCE',
        SCF_FUNCTIONNAME: name,
      },
      ops: { reads: 0, writes: 0 },
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
      time_limit_in_ms: fn.config.timeout * 1000,
      environ: '',
    }
    callsBySeq.set(seq, ctx)
    const started = performance.now()
    let timer: NodeJS.Timeout | undefined
    try {
      const outcome = await callContext.run(ctx, () =>
        Promise.race([
          Promise.resolve()
            .then(() => fn.main(event, context))
            .then(
              (value) => ({ kind: 'ok' as const, value }),
              (error: unknown) => ({ kind: 'crash' as const, error }),
            ),
          new Promise<{ kind: 'timeout' }>((resolve) => {
            timer = setTimeout(() => resolve({ kind: 'timeout' }), fn.config.timeout * 1000)
          }),
        ]),
      )
      const ms = performance.now() - started
      if (outcome.kind === 'ok') return { status: 200, body: outcome.value ?? null, ops: ctx.ops, ms }
      if (outcome.kind === 'timeout') {
        return {
          status: 504,
          body: { ok: false, code: 'deadline-exceeded', message: '服务器响应太慢，请稍后再试' },
          ops: ctx.ops,
          ms,
        }
      }
      console.error(`[emulator] function ${name} crashed:`, outcome.error)
      return {
        status: 500,
        body: { ok: false, code: 'internal', message: '系统出了点问题，请稍后再试' },
        ops: ctx.ops,
        ms,
      }
    } finally {
      clearTimeout(timer)
      // Keep the entry a little longer: a timed-out call may still be talking to the database.
      setTimeout(() => callsBySeq.delete(seq), 5000).unref()
    }
  }
}
