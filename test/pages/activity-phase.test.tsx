/**
 * One function decides an activity's phase for every page (activityPhase), and one groups the 活动 list by
 * day in Asia/Shanghai (dayGroupOf). Each boundary is checked on the test's own clock, whatever the instant
 * and zone the suite runs at.
 */
import { activityPhase, type ActivityPhase } from '@shared/activities'
import { dayGroupOf, shanghaiDayNumber } from '@shared/time'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const activity = (now: number, fields: Partial<Parameters<typeof activityPhase>[0]> = {}) => ({
  status: 'open' as const,
  startAt: now + 2 * HOUR,
  endAt: now + 4 * HOUR,
  capacity: 10,
  signedUp: 3,
  ...fields,
})

describe('activityPhase', () => {
  it('is 报名中 until the start while places are left, and only then', () => {
    const now = Date.now()
    const a = activity(now)
    const cases: [number, ActivityPhase][] = [
      [now, 'open'],
      [a.startAt - 1, 'open'],
      [a.startAt, 'under-way'],
      [a.endAt - 1, 'under-way'],
      [a.endAt, 'ended'],
    ]
    for (const [at, phase] of cases) expect([at - now, activityPhase(a, at)]).toEqual([at - now, phase])
  })

  it('is 名额已满 when every place is taken, and 报名中 again when one is given back', () => {
    const now = Date.now()
    expect(activityPhase(activity(now, { signedUp: 10 }), now)).toBe('full')
    expect(activityPhase(activity(now, { signedUp: 9 }), now)).toBe('open')
  })

  it('is 报名已截止 when a worker closed it, until it starts; then 活动已开始 as for any other', () => {
    const now = Date.now()
    const closed = activity(now, { status: 'closed', signedUp: 10 })
    expect(activityPhase(closed, now)).toBe('closed')
    expect(activityPhase(closed, closed.startAt)).toBe('under-way')
    expect(activityPhase(closed, closed.endAt)).toBe('ended')
  })

  it('is 已取消 for a cancelled activity at every moment, before, during and after', () => {
    const now = Date.now()
    const off = activity(now, { status: 'cancelled' })
    for (const at of [now, off.startAt, off.endAt + DAY]) expect(activityPhase(off, at)).toBe('cancelled')
  })
})

describe('dayGroupOf (Asia/Shanghai)', () => {
  /** The instant `days` Shanghai days after today's Shanghai midnight, plus `hours`. */
  const shanghaiDay = (now: number, days: number, hours = 10) =>
    (shanghaiDayNumber(now) + days) * DAY - 8 * HOUR + hours * HOUR
  /** 0 = Sunday … 6 = Saturday, of a Shanghai day `days` from today. */
  const weekday = (now: number, days: number) => new Date(shanghaiDay(now, days) + 8 * HOUR).getUTCDay()

  it('puts the rest of the Shanghai day, and an activity under way since yesterday, under 今天', () => {
    const now = Date.now()
    expect(dayGroupOf(now + 30_000, now)).toBe('today')
    expect(dayGroupOf(shanghaiDay(now, 1, 0) - 1, now)).toBe('today')
    expect(dayGroupOf(now - 3 * HOUR, now)).toBe('today')
  })

  it('puts this week’s Saturday and Sunday still to come under 本周末 and the days before them under 本周', () => {
    const now = Date.now()
    const todayWeekday = weekday(now, 0)
    const daysToSunday = todayWeekday === 0 ? 0 : 7 - todayWeekday
    for (let d = 1; d <= 8; d++) {
      const expected =
        d > daysToSunday ? 'later' : weekday(now, d) === 6 || weekday(now, d) === 0 ? 'weekend' : 'week'
      expect([d, dayGroupOf(shanghaiDay(now, d, 0), now)]).toEqual([d, expected])
      expect([d, dayGroupOf(shanghaiDay(now, d, 23.99), now)]).toEqual([d, expected])
    }
    // Whatever today is, the next Monday and everything after it are 以后.
    const toMonday = (8 - todayWeekday) % 7 || 7
    expect(dayGroupOf(shanghaiDay(now, toMonday, 0), now)).toBe('later')
    expect(dayGroupOf(shanghaiDay(now, toMonday, 0) - 1, now)).not.toBe('later')
  })
})
