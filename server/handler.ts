/**
 * Every cloud function follows one path:
 *   parse `event` against the action's schema → take the caller from getWXContext() → check the role →
 *   do the work → answer the envelope.
 * `userInfo` belongs to the platform (CloudBase writes it into every event) and is dropped before
 * validation; any other identity claim in the payload is an unknown field and refused by the schema.
 */
import { cleanText } from '../types/text'
import { check } from '../types/validation'
import type { Envelope } from '../types/envelope'
import type { Role } from '../types/user'
import type { UserRecord } from '../types/records'
import { callerOpenid } from './cloud'
import { AppError } from './errors'
import { effectiveRoles, ensureUser } from './users'

export interface Caller {
  /** Empty for an anonymous caller (only actions open to anyone see that). */
  openid: string
  user: UserRecord | null
  roles: Set<Role>
}

type Schema<A> = Parameters<typeof check<A>>[0]

export interface ActionDef<A, R> {
  input: Schema<A>
  /** `anyone` also admits anonymous callers; the default needs an openid. */
  who?: 'anyone' | Role | Role[]
  run: (args: A, caller: Caller) => Promise<R>
}

/** Declares an action with its schema's type flowing into `run`. */
export function action<A, R>(def: ActionDef<A, R>): ActionDef<A, R> {
  return def
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAction = ActionDef<any, unknown>

export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time: string
}

export interface FunctionDef {
  actions: Record<string, AnyAction>
  /** Runs when the function's timer trigger fires: `trigger` is its name in config.json `triggers`. */
  timer?: { trigger: string; run: (event: TimerEvent) => Promise<unknown> }
}

/**
 * A timer event under the trigger the function declares, with no caller: anything else shaped like one
 * (another trigger name, none, or a caller with an openid) is an ordinary payload, refused as such.
 */
const isTimerEvent = (
  event: Record<string, unknown>,
  trigger: string,
): event is Record<string, unknown> & TimerEvent =>
  event.Type === 'Timer' && event.TriggerName === trigger && !('action' in event) && !callerOpenid()

export function defineFunction(def: FunctionDef) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    try {
      if (!event || typeof event !== 'object' || Array.isArray(event)) throw new AppError('invalid-argument')
      const { userInfo: _platform, action: name, ...args } = event as Record<string, unknown>
      if (def.timer && isTimerEvent(event as Record<string, unknown>, def.timer.trigger)) {
        return { ok: true, data: await def.timer.run(event as unknown as TimerEvent) }
      }
      const spec =
        typeof name === 'string' && Object.prototype.hasOwnProperty.call(def.actions, name)
          ? def.actions[name]
          : null
      if (!spec) throw new AppError('invalid-argument', '不支持这个操作')

      const parsed = check(spec.input, cleaned(args))
      if (!parsed.ok) throw new AppError('invalid-argument', parsed.message)

      const openid = callerOpenid()
      const who = spec.who ?? 'resident'
      if (who !== 'anyone' && !openid) throw new AppError('unauthenticated')
      const user = openid ? await ensureUser(openid) : null
      const caller: Caller = { openid, user, roles: effectiveRoles(user) }
      if (who !== 'anyone') {
        const needed = Array.isArray(who) ? who : [who]
        if (!needed.some((r) => caller.roles.has(r)))
          throw new AppError('permission-denied', deniedMessage(needed))
      }
      return { ok: true, data: await spec.run(parsed.data, caller) }
    } catch (err) {
      if (err instanceof AppError) return err.toEnvelope()
      console.error('unexpected error', err)
      throw err
    }
  }
}

/**
 * Every string of the payload as cleanText leaves it (no zero-width or bidi-control characters, NFC), so
 * that what is checked, stored and shown is the same text. Deeper than any schema goes, values are left as
 * they are (the schema refuses them).
 */
function cleaned(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanText(value)
  if (!value || typeof value !== 'object' || depth > 32) return value
  if (Array.isArray(value)) return value.map((v) => cleaned(v, depth + 1))
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleaned(v, depth + 1)]))
}

function deniedMessage(roles: Role[]): string {
  if (roles.includes('worker') && roles.length === 1) return '只有社工可以进行这个操作'
  if (roles.includes('volunteer')) return '只有通过审核的志愿者可以进行这个操作'
  if (roles.includes('merchant')) return '只有合作商户的店员可以进行这个操作'
  return '您没有权限进行这个操作'
}
