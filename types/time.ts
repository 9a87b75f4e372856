/** Calendar questions answered in Asia/Shanghai (UTC+8, no daylight saving), whatever the machine's zone. */
const SHANGHAI_MS = 8 * 3600_000

/** 'YYYY-MM' of the month an instant falls in, in Shanghai. */
export function shanghaiMonth(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_MS).toISOString().slice(0, 7)
}

/** 'YYYY-MM-DD' of the day an instant falls in, in Shanghai. */
export function shanghaiDay(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_MS).toISOString().slice(0, 10)
}

/** The instant a Shanghai month ('YYYY-MM') begins. */
export function shanghaiMonthStart(month: string): number {
  return Date.parse(`${month}-01T00:00:00+08:00`)
}

/** 'YYYY-MM-DD HH:mm' of an instant in Shanghai (the `time` field of a subscription message). */
export function shanghaiMinute(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_MS).toISOString().slice(0, 16).replace('T', ' ')
}

/** 'YYYY-MM' moved by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [year, mon] = month.split('-').map(Number)
  const index = year * 12 + (mon - 1) + delta
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}
