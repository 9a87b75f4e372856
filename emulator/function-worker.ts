/**
 * A function instance host: a worker thread that loads the built functions and runs calls the emulator
 * sends it. Like CloudBase instances, it is apart from the database: the SDK's work here runs beside the
 * emulator's database work on another core.
 *
 * wx-server-sdk reads the caller from process.env at call time (WX_CONTEXT_KEYS, WX_OPENID, …), as
 * CloudBase sets it per invocation. Many calls run here at once, so process.env is replaced by a view that
 * answers from the current call's environment (AsyncLocalStorage) first: concurrent callers never see each
 * other's identity.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { parentPort } from 'node:worker_threads'
import * as clock from './clock'

export type ToWorker =
  | {
      type: 'invoke'
      id: number
      file: string
      event: unknown
      context: unknown
      env: Record<string, string>
    }
  | { type: 'clock'; offset: number }
  | { type: 'env'; env: Record<string, string> }
  | { type: 'preload'; file: string }

export type FromWorker =
  { id: number; kind: 'ok'; json: string } | { id: number; kind: 'crash'; message: string }

const callEnv = new AsyncLocalStorage<Record<string, string>>()

function installEnvView(): void {
  const real = process.env
  // Reading the real process.env crosses into C++ on every access; the SDK reads it many times a request.
  const snapshot: Record<string, string | undefined> = { ...real }
  const own = (prop: string | symbol) => {
    const env = callEnv.getStore()
    return env && typeof prop === 'string' && Object.prototype.hasOwnProperty.call(env, prop) ? env : null
  }
  process.env = new Proxy(real, {
    get(target, prop) {
      if (typeof prop !== 'string') return Reflect.get(target, prop)
      const env = own(prop)
      if (env) return env[prop]
      return Object.prototype.hasOwnProperty.call(snapshot, prop) ? snapshot[prop] : undefined
    },
    has(_target, prop) {
      return own(prop) !== null || (typeof prop === 'string' && prop in snapshot)
    },
    set(target, prop, value) {
      if (typeof prop === 'string') snapshot[prop] = String(value)
      return Reflect.set(target, prop, value)
    },
    deleteProperty(target, prop) {
      if (typeof prop === 'string') delete snapshot[prop]
      return Reflect.deleteProperty(target, prop)
    },
    ownKeys() {
      return [...new Set([...Object.keys(snapshot), ...Object.keys(callEnv.getStore() ?? {})])]
    },
    getOwnPropertyDescriptor(_target, prop) {
      if (typeof prop !== 'string') return undefined
      const env = own(prop)
      if (env) return { value: env[prop], writable: true, enumerable: true, configurable: true }
      if (!Object.prototype.hasOwnProperty.call(snapshot, prop)) return undefined
      return { value: snapshot[prop], writable: true, enumerable: true, configurable: true }
    },
  })
}

type Main = (event: unknown, context: unknown) => unknown
const modules = new Map<string, Main>()

function load(file: string): Main {
  let main = modules.get(file)
  if (!main) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as { main?: Main }
    if (typeof mod.main !== 'function') throw new Error(`${file} exports no main()`)
    main = mod.main
    modules.set(file, main)
  }
  return main
}

function answer(message: FromWorker): void {
  parentPort!.postMessage(message)
}

if (parentPort) {
  installEnvView()
  clock.installClock()
  parentPort.on('message', (msg: ToWorker) => {
    if (msg.type === 'clock') {
      clock.setOffset(msg.offset)
      return
    }
    if (msg.type === 'env') {
      Object.assign(process.env, msg.env)
      return
    }
    if (msg.type === 'preload') {
      // Load ahead of the first call, as a warm instance would be; a failure shows on that call.
      try {
        load(msg.file)
      } catch {
        // reported when the function is called
      }
      return
    }
    callEnv.run(msg.env, () => {
      Promise.resolve()
        .then(() => load(msg.file)(msg.event, msg.context))
        .then(
          (value) => answer({ id: msg.id, kind: 'ok', json: JSON.stringify(value ?? null) }),
          (error: unknown) => {
            console.error(`[emulator] ${msg.file} threw:`, error)
            answer({ id: msg.id, kind: 'crash', message: String((error as Error)?.stack ?? error) })
          },
        )
    })
  })
}
