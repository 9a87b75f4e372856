/**
 * The clock that functions see. The emulator runs functions in its own process, so it replaces the global
 * `Date` with one that adds an offset: `Date.now()`, `new Date()` and `db.serverDate()` all move together
 * when a test advances time (POST /__emulator/clock). The offset is kept in the store, so time never runs
 * backwards across a restart.
 */
const RealDate = Date
let offsetMs = 0
let installed = false

export function now(): number {
  return RealDate.now() + offsetMs
}

export function getOffset(): number {
  return offsetMs
}

export function setOffset(ms: number): void {
  offsetMs = ms
}

export function installClock(): void {
  if (installed) return
  installed = true
  class EmulatedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offsetMs)
      else super(...(args as [number]))
    }
    static override now(): number {
      return RealDate.now() + offsetMs
    }
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate
    }
  }
  globalThis.Date = EmulatedDate as DateConstructor
}
