/** How the 爱心敲门 pages word a person's record: age, when they are due, tones of the tags. */
import type { Recipient, Risk, Wellbeing } from '@shared/care'
import { shanghaiDay } from '@shared/time'

const DAY = 86_400_000

/** Whole Shanghai calendar days from `from` to `to`. */
function daysBetween(from: number, to: number): number {
  return Math.round((Date.parse(shanghaiDay(to)) - Date.parse(shanghaiDay(from))) / DAY)
}

/** '85岁' from the birth year, in this Shanghai year; empty when the year is not known. */
export function ageText(birthYear: number | null, now: number = Date.now()): string {
  if (!birthYear) return ''
  return `${Number(shanghaiDay(now).slice(0, 4)) - birthYear}岁`
}

/** '已超期3天', '今天该去', '明天该去', '5天后该去'. */
export function dueText(r: Pick<Recipient, 'nextDueAt' | 'overdue'>, now: number = Date.now()): string {
  const ahead = daysBetween(now, r.nextDueAt)
  if (r.overdue) return ahead >= 0 ? '今天已到期' : `已超期${-ahead}天`
  if (ahead <= 0) return '今天该去'
  if (ahead === 1) return '明天该去'
  return `${ahead}天后该去`
}

export const RISK_TONES: Record<Risk, string> = {
  high: 'tag--brand',
  medium: 'tag--amber',
  low: 'tag--grey',
}

export const WELLBEING_TONES: Record<Wellbeing, string> = {
  well: 'tag--green',
  attention: 'tag--amber',
  urgent: 'tag--brand',
}
