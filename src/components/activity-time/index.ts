/**
 * How the pages say when things happen. Corners and activities keep Beijing time (Asia/Shanghai), so the
 * text is worked out in that zone whatever zone the phone is set to.
 */
import { WEEKDAY_LABELS, firstAtCorner, type NextActivity, type Schedule } from '@shared/corners'

const SHANGHAI_MS = 8 * 3600_000
const DAY_MS = 86_400_000

const pad = (n: number) => String(n).padStart(2, '0')

interface Parts {
  year: number
  month: number
  day: number
  weekday: number
  hours: number
  minutes: number
}

function partsOf(ms: number): Parts {
  const d = new Date(ms + SHANGHAI_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hours: d.getUTCHours(),
    minutes: d.getUTCMinutes(),
  }
}

/** Days since the epoch of the Beijing calendar day `ms` falls on. */
const dayNumber = (ms: number) => Math.floor((ms + SHANGHAI_MS) / DAY_MS)

/** '09:05'. */
export function formatClock(ms: number): string {
  const p = partsOf(ms)
  return `${pad(p.hours)}:${pad(p.minutes)}`
}

/** '今天', '明天', '后天', else '11月29日 周六' (with the year when it is not this year's). */
export function formatDay(ms: number, now: number = Date.now()): string {
  const ahead = dayNumber(ms) - dayNumber(now)
  if (ahead === 0) return '今天'
  if (ahead === 1) return '明天'
  if (ahead === 2) return '后天'
  if (ahead === -1) return '昨天'
  const p = partsOf(ms)
  const year = p.year === partsOf(now).year ? '' : `${p.year}年`
  return `${year}${p.month}月${p.day}日 ${WEEKDAY_LABELS[p.weekday]}`
}

/** '今天 09:05', '11月29日 周六 09:05'. */
export function formatDayTime(ms: number, now: number = Date.now()): string {
  return `${formatDay(ms, now)} ${formatClock(ms)}`
}

/** '明天 09:00-11:30'; a window over midnight names both days. */
export function formatWindow(startAt: number, endAt: number, now: number = Date.now()): string {
  if (dayNumber(startAt) === dayNumber(endAt - 1))
    return `${formatDay(startAt, now)} ${formatClock(startAt)}-${formatClock(endAt)}`
  return `${formatDayTime(startAt, now)} 至 ${formatDayTime(endAt, now)}`
}

/**
 * What happens next at a corner, its schedule's session or an activity there, whichever comes first:
 * '正在进行，11:30结束', '下次：明天 09:00-11:30', '下次：周六 09:00-11:00 环境整治'.
 */
export function describeNextSession(
  schedule: Pick<Schedule, 'weekdays' | 'start' | 'end'>,
  now: number = Date.now(),
  activity?: NextActivity | null,
): string {
  const next = firstAtCorner(schedule, activity, now)
  if (!next) return '暂时没有安排'
  const what = next.title ? ` ${next.title}` : ''
  if (next.ongoing) return `正在进行${what ? `：${next.title}` : ''}，${formatClock(next.endAt)}结束`
  return `下次：${formatWindow(next.startAt, next.endAt, now)}${what}`
}

/** 'YYYY-MM-DD' of `ms` in Beijing time (what a date picker shows). */
export function dateText(ms: number): string {
  const p = partsOf(ms)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** The instant of a Beijing date ('YYYY-MM-DD') and time of day ('HH:MM'); NaN when either is malformed. */
export function instantOf(date: string, time: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return Number.NaN
  return Date.parse(`${date}T${time}:00+08:00`)
}

/** '2小时30分钟', '45分钟'. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m}分钟`
  return m === 0 ? `${h}小时` : `${h}小时${m}分钟`
}
