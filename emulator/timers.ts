/**
 * Timer triggers as CloudBase declares them in a function's config.json:
 * `{"triggers": [{"name": "expire", "type": "timer", "config": "0 0 * * * * *"}]}` — seven fields,
 * second minute hour day-of-month month day-of-week year, each `*`, a number, a list `a,b`, a range `a-b`
 * or a step `*\/n`, `a-b/n`. Times are Asia/Shanghai (UTC+8, no daylight saving).
 */

const SHANGHAI_OFFSET_MS = 8 * 3600_000

type Matcher = (value: number) => boolean

function field(spec: string, min: number, max: number): Matcher {
  const allowed = new Set<number>()
  for (const part of spec.split(',')) {
    const [range, stepText] = part.split('/')
    const step = stepText ? Number(stepText) : 1
    let lo = min
    let hi = max
    if (range !== '*' && range !== '?') {
      const [a, b] = range.split('-').map(Number)
      lo = a
      hi = b === undefined ? (stepText ? max : a) : b
    }
    if (![lo, hi, step].every(Number.isInteger) || step <= 0) throw new Error(`bad cron field "${spec}"`)
    for (let v = lo; v <= hi; v += step) allowed.add(v)
  }
  return (value) => allowed.has(value)
}

export interface Cron {
  matches(epochMs: number): boolean
}

export function parseCron(expr: string): Cron {
  const parts = expr.trim().split(/\s+/)
  if (parts.length !== 7) throw new Error(`timer config needs 7 fields: "${expr}"`)
  const [sec, min, hour, dom, mon, dow, year] = [
    field(parts[0], 0, 59),
    field(parts[1], 0, 59),
    field(parts[2], 0, 23),
    field(parts[3], 1, 31),
    field(parts[4], 1, 12),
    field(parts[5], 0, 7),
    field(parts[6], 1970, 2199),
  ]
  return {
    matches(epochMs) {
      const d = new Date(epochMs + SHANGHAI_OFFSET_MS)
      const weekday = d.getUTCDay()
      return (
        sec(d.getUTCSeconds()) &&
        min(d.getUTCMinutes()) &&
        hour(d.getUTCHours()) &&
        dom(d.getUTCDate()) &&
        mon(d.getUTCMonth() + 1) &&
        (dow(weekday) || (weekday === 0 && dow(7))) &&
        year(d.getUTCFullYear())
      )
    },
  }
}

/** The first whole second in (from, to] at which the cron fires, or null. */
export function firstFiring(cron: Cron, from: number, to: number): number | null {
  let t = Math.floor(from / 1000) * 1000 + 1000
  for (; t <= to; t += 1000) if (cron.matches(t)) return t
  return null
}
