/**
 * The clock that functions see. The emulator runs functions in its own process, so it replaces the global
 * `Date` with one that adds an offset: `Date.now()`, `new Date()` and `db.serverDate()` all move together
 * when a test advances time (POST /__emulator/clock). A start instant (`--now`) sets the offset so that the
 * clock reads that instant and runs on from it. The offset is kept in the store, so time never runs
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

/** Sets the offset so that the clock reads `instantMs` now, and runs on from there. */
export function setNow(instantMs: number): void {
  offsetMs = instantMs - RealDate.now()
}

/**
 * Reads a start instant: epoch milliseconds, or an ISO 8601 date-time with its offset
 * (`2026-03-04T10:00:00+08:00`). Answers null for anything else.
 */
export function parseInstant(text: string): number | null {
  const trimmed = text.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed)) return null
  const ms = RealDate.parse(trimmed)
  return Number.isFinite(ms) ? ms : null
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
