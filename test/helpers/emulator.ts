/**
 * Starts a real emulator for a test file: a child process on a free port with its own data directory,
 * talked to over HTTP exactly as the H5 app does (POST /fn/<name>, identity in `x-wx-openid`).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { testClockOffset } from './clock'

const ROOT = path.resolve(__dirname, '..', '..')

/**
 * The key of the emulators' database endpoint, one per test process: given to each emulator started here
 * (EMULATOR_ADMIN_SECRET) and carried by the SDK configuration of sdkEnvironment, as the emulator gives its
 * own to the functions. A web page cannot know it.
 */
const ADMIN_SECRET = crypto.randomBytes(24).toString('base64url')
export const adminSecret = (): string => ADMIN_SECRET

export interface Envelope<T = unknown> {
  ok: boolean
  data?: T
  code?: string
  message?: string
}

export interface CallOutcome<T = unknown> {
  status: number
  body: Envelope<T>
  reads: number
  writes: number
}

export interface StartOptions {
  seed?: 'demo' | 'none'
  adminOpenids?: string[]
  /** Reuse a data directory (to restart over what a killed emulator left). */
  dataDir?: string
  /** Serve an H5 build at /. */
  h5Dir?: string
  /** Another folder of built functions (tests of the runner use their own). */
  functionsDir?: string
  /** Another collections declaration. */
  collectionsFile?: string
  /** Create collections on first use (--auto-collections). */
  autoCollections?: boolean
  /** Start it as another project would (emulator/bin.cjs) from this folder, rather than from this project. */
  fromFolder?: string
  /** The instant the emulator's clock starts at (default: it reads the same time as this test's clock). */
  now?: number
  /** How long a transaction waits for a lock before it gives way (--lock-wait; the emulator's default 2 s). */
  lockWaitMs?: number
}

export interface Emulator {
  url: string
  port: number
  dataDir: string
  /** The function's envelope (whatever the HTTP status). */
  call<T = unknown>(name: string, data: object, openid?: string): Promise<Envelope<T>>
  /** The HTTP status, the envelope and the database operations the call made. */
  callRaw<T = unknown>(name: string, data: object | string, openid?: string): Promise<CallOutcome<T>>
  /** Empties the database and loads a seed again, with the clock back at this test's time. */
  reset(seed?: 'demo' | 'none'): Promise<void>
  outbox(): Promise<Array<{ seq: number; at: number; api: string; payload: Record<string, unknown> }>>
  advanceClock(ms: number): Promise<number>
  /** The time the functions see. */
  now(): Promise<number>
  identities(): Promise<Array<{ openid: string; name: string; role: string; note: string }>>
  /** A one-time code for a demo person's own phone number, as WeChat's phone-number button gives one. */
  phoneCode(openid: string): Promise<string>
  /** How many queries read a whole collection (no index narrowed them), by collection, since the last reset. */
  fullScans(): Promise<Record<string, number>>
  /** Stops the emulator gracefully and removes its data (unless it was given one). */
  stop(): Promise<void>
  /** `kill -9`: no chance to flush anything. */
  kill(): Promise<void>
  process: ChildProcess
}

export async function startEmulator(opts: StartOptions = {}): Promise<Emulator> {
  const ownDir = !opts.dataDir
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoshe-emu-'))
  const entry = opts.fromFolder
    ? [path.join(ROOT, 'emulator', 'bin.cjs')]
    : ['--import', 'tsx', path.join(ROOT, 'emulator', 'cli.ts')]
  const args = [...entry, '--port', '0', '--data', dataDir]
  args.push('--seed', opts.seed ?? 'none')
  // The test's clock (helpers/clock.ts) and the emulator's read the same time: both are the machine's plus one offset.
  if (opts.now !== undefined) args.push('--now', String(opts.now))
  else args.push(`--clock-offset=${testClockOffset()}`)
  if (opts.h5Dir) args.push('--h5', opts.h5Dir)
  if (opts.functionsDir) args.push('--functions', opts.functionsDir)
  if (opts.collectionsFile) args.push('--collections', opts.collectionsFile)
  if (opts.autoCollections) args.push('--auto-collections')
  if (opts.lockWaitMs !== undefined) args.push(`--lock-wait=${opts.lockWaitMs}`)
  const child = spawn(process.execPath, args, {
    cwd: opts.fromFolder ?? ROOT,
    env: {
      ...process.env,
      ADMIN_OPENIDS: (opts.adminOpenids ?? []).join(','),
      EMULATOR_ADMIN_SECRET: ADMIN_SECRET,
      NODE_ENV: 'production',
    },
    // The IPC channel closes when this process dies, and the emulator then stops too (no orphans).
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let logs = ''
  const url = await new Promise<string>((resolve, reject) => {
    // It says `ready` once every function has loaded, each in its own process: seconds on a quiet machine, far
    // longer on a loaded 2-core one. The limit only ends a start that went wrong.
    const timer = setTimeout(() => reject(new Error(`emulator did not start in 60 s:\n${logs}`)), 60_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      logs += chunk.toString()
      const m = /ready at (http:\/\/[^\s]+)/.exec(logs)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => {
      logs += chunk.toString()
      if (process.env.EMULATOR_LOGS) process.stderr.write(chunk)
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`emulator exited with ${code}:\n${logs}`))
    })
  })
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))

  const post = async (p: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
    return res
  }

  const emulator: Emulator = {
    url,
    port: Number(new URL(url).port),
    dataDir,
    process: child,
    async callRaw<T>(name: string, data: object | string, openid?: string) {
      const res = await post(`/fn/${name}`, data, openid ? { 'x-wx-openid': openid } : {})
      return {
        status: res.status,
        body: (await res.json()) as Envelope<T>,
        reads: Number(res.headers.get('x-emulator-reads') ?? 0),
        writes: Number(res.headers.get('x-emulator-writes') ?? 0),
      }
    },
    async call<T>(name: string, data: object, openid?: string) {
      return (await emulator.callRaw<T>(name, data, openid)).body
    },
    async reset(seed = 'none') {
      const res = await post('/__emulator/reset', { seed, clockOffsetMs: testClockOffset() })
      if (!res.ok) throw new Error(`reset failed: ${res.status}`)
    },
    async outbox() {
      const res = await fetch(`${url}/__emulator/outbox`)
      return ((await res.json()) as { items: Awaited<ReturnType<Emulator['outbox']>> }).items
    },
    async advanceClock(ms: number) {
      const res = await post('/__emulator/clock', { advanceMs: ms })
      return ((await res.json()) as { now: number }).now
    },
    async now() {
      const res = await fetch(`${url}/__emulator/clock`)
      return ((await res.json()) as { now: number }).now
    },
    async identities() {
      const res = await fetch(`${url}/__emulator/identities`)
      return ((await res.json()) as { items: Awaited<ReturnType<Emulator['identities']>> }).items
    },
    async phoneCode(openid: string) {
      const res = await post('/__emulator/phone-code', { openid })
      if (!res.ok) throw new Error(`phone code for ${openid}: ${res.status}`)
      return ((await res.json()) as { code: string }).code
    },
    async fullScans() {
      const res = await fetch(`${url}/__emulator/stats`)
      return ((await res.json()) as { fullScans: Record<string, number> }).fullScans
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL')
        await exited
      }
    },
  }
  return emulator
}

/** The SDK environment that makes wx-server-sdk in this process talk to the emulator. */
export function sdkEnvironment(url: string, openid = ''): Record<string, string> {
  return {
    // wx-server-sdk appends its own query (env, seqId) to a URL that already has one.
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin?key=${ADMIN_SECRET}&` }),
    TENCENTCLOUD_SECRETID: 'local-emulator',
    TENCENTCLOUD_SECRETKEY: 'local-emulator',
    TENCENTCLOUD_SESSIONTOKEN: '',
    TENCENTCLOUD: 'true',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_ENV: 'local',
    SCF_NAMESPACE: 'local',
    WX_CONTEXT_KEYS: openid ? 'WX_OPENID' : '',
    WX_OPENID: openid,
  }
}

/**
 * One HTTP request exactly as given (no fetch: Node's fetch adds the browser's Sec-Fetch headers, which the
 * database endpoint refuses, and normalises the path, which the path tests must not have done for them).
 */
export function rawRequest(
  port: number,
  method: string,
  rawPath: string,
  body = '',
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: rawPath, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}
