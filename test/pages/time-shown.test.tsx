/**
 * Times on screen are Beijing time whatever the phone's zone: the time check (scripts/time-check.ts) runs this file
 * in UTC and America/Los_Angeles too.
 */
import { formatNeedTime } from '@/components/need-card'

test('a need posted at 00:30 Beijing time on 4 March shows 3月4日 00:30, in any time zone', () => {
  const posted = Date.parse('2026-03-04T00:30:00+08:00')
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()
  expect(formatNeedTime(posted)).toBe(year === 2026 ? '3月4日 00:30' : '2026年3月4日 00:30')
})

test('a need from another year says its year', () => {
  const posted = Date.parse('2019-12-31T23:59:00+08:00')
  expect(formatNeedTime(posted)).toBe('2019年12月31日 23:59')
})
