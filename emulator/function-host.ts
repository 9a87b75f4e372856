/**
 * A function instance: a process of its own per function, started with the function's folder as its
 * working directory and that folder (and its node_modules) on NODE_PATH, as SCF starts one. It loads the
 * function's index.js (argv[2]) and runs the calls the emulator sends it over IPC. Like CloudBase instances,
 * it is apart from the database and from every other function: no module, global or working directory is
 * shared between two functions.
 *
 * wx-server-sdk reads the caller from process.env at call time (WX_CONTEXT_KEYS, WX_OPENID, …), as
 * CloudBase sets it per invocation. Many calls run here at once, so process.env is replaced by a view that
 * answers from the current call's environment (AsyncLocalStorage) first: concurrent callers never see each
 * other's identity.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import * as clock from './clock'

export type ToHost =
  | { type: 'invoke'; id: number; event: unknown; context: unknown; env: Record<string, string> }
  | { type: 'clock'; offset: number }
  | { type: 'env'; env: Record<string, string> }

export type FromHost =
  | { type: 'ready' }
  | { type: 'ok'; id: number; json: string }
  | { type: 'crash'; id: number; message: string; stack: string }

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
let main: Main | null = null

function load(file: string): Main {
  if (!main) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as { main?: Main }
    if (typeof mod.main !== 'function') throw new Error(`${file} exports no main()`)
    main = mod.main
  }
  return main
}

function answer(message: FromHost): void {
  process.send!(message)
}

/** What a caller is told about an error thrown by the function (its message), and its stack for the log. */
function describe(error: unknown): { message: string; stack: string } {
  if (error instanceof Error) return { message: error.message, stack: String(error.stack ?? error) }
  const text = typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error))
  return { message: text, stack: text }
}

if (process.send) {
  const file = process.argv[2]
  installEnvView()
  clock.installClock()
  process.on('message', (msg: ToHost) => {
    if (msg.type === 'clock') {
      clock.setOffset(msg.offset)
      return
    }
    if (msg.type === 'env') {
      Object.assign(process.env, msg.env)
      // Load ahead of the first call, as a warm instance would be; a failure shows on that call.
      try {
        load(file)
      } catch {
        // reported when the function is called
      }
      answer({ type: 'ready' })
      return
    }
    callEnv.run(msg.env, () => {
      Promise.resolve()
        .then(() => load(file)(msg.event, msg.context))
        .then(
          (value) => answer({ type: 'ok', id: msg.id, json: JSON.stringify(value ?? null) }),
          (error: unknown) => {
            const { message, stack } = describe(error)
            console.error(`[emulator] ${file} threw:`, stack)
            answer({ type: 'crash', id: msg.id, message, stack })
          },
        )
    })
  })
  // The emulator went away (stopped, or killed): so does its instance.
  process.on('disconnect', () => process.exit(0))
}
