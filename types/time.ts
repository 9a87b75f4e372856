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

const DAY_MS = 86_400_000

/** Days since the epoch of the Shanghai calendar day an instant falls on. */
export const shanghaiDayNumber = (epochMs: number): number => Math.floor((epochMs + SHANGHAI_MS) / DAY_MS)

/**
 * How the 活动 list groups activities by day, in Shanghai: 今天; 本周 (the days left before this week's
 * weekend, Monday to Sunday weeks); 本周末 (this week's Saturday and Sunday still to come); 以后.
 */
export const DAY_GROUPS = ['today', 'week', 'weekend', 'later'] as const
export type DayGroup = (typeof DAY_GROUPS)[number]

export const DAY_GROUP_LABELS: Record<DayGroup, string> = {
  today: '今天',
  week: '本周',
  weekend: '本周末',
  later: '以后',
}

/** The group of an activity starting at `startAt` (one under way belongs to today). */
export function dayGroupOf(startAt: number, now: number): DayGroup {
  const today = shanghaiDayNumber(now)
  const ahead = shanghaiDayNumber(Math.max(startAt, now)) - today
  if (ahead <= 0) return 'today'
  // The epoch's day 0 was a Thursday: weekday = (day + 4) mod 7, 0 = Sunday.
  const weekdayToday = (today + 4) % 7
  const daysLeftInWeek = weekdayToday === 0 ? 0 : 7 - weekdayToday
  if (ahead > daysLeftInWeek) return 'later'
  const weekday = (today + ahead + 4) % 7
  return weekday === 6 || weekday === 0 ? 'weekend' : 'week'
}

/**
 * An instant as Beijing (Asia/Shanghai) shows it, whatever the machine's or phone's zone: `YYYY`, `M`, `MM`,
 * `D`, `DD`, `HH`, `mm` in `template` are replaced ('YYYY年M月D日 HH:mm' → '2026年3月4日 09:05').
 */
export function formatShanghai(epochMs: number, template: string): string {
  const iso = new Date(epochMs + SHANGHAI_MS).toISOString()
  const parts: Record<string, string> = {
    YYYY: iso.slice(0, 4),
    MM: iso.slice(5, 7),
    M: String(Number(iso.slice(5, 7))),
    DD: iso.slice(8, 10),
    D: String(Number(iso.slice(8, 10))),
    HH: iso.slice(11, 13),
    mm: iso.slice(14, 16),
  }
  return template.replace(/YYYY|MM|M|DD|D|HH|mm/g, (token) => parts[token])
}

/** 'YYYY-MM' moved by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [year, mon] = month.split('-').map(Number)
  const index = year * 12 + (mon - 1) + delta
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}
