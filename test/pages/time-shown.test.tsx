/**
 * Times on screen are Beijing time whatever the phone's zone: the time check (scripts/time-check.ts) runs this file
 * in UTC and America/Los_Angeles too.
 */
import { render, screen } from '@testing-library/react'
import { dayGroupOf, formatShanghai } from '@shared/time'
import { formatDay } from '@/components/activity-time'
import { formatNeedTime } from '@/components/need-card'
import PointsEntry from '@/components/points-entry'
import { OrderCard } from '@/packages/mall/pages/orders'

test('a need posted at 00:30 Beijing time on 4 March shows 3月4日 00:30, in any time zone', () => {
  const posted = Date.parse('2026-03-04T00:30:00+08:00')
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()
  expect(formatNeedTime(posted)).toBe(year === 2026 ? '3月4日 00:30' : '2026年3月4日 00:30')
})

test('a need from another year says its year', () => {
  const posted = Date.parse('2019-12-31T23:59:00+08:00')
  expect(formatNeedTime(posted)).toBe('2019年12月31日 23:59')
})

test('ledger, board, review and shop times are Beijing time in any zone: 00:30 on 1 March stays 3月1日 00:30', () => {
  const at = Date.parse('2026-03-01T00:30:00+08:00')
  expect(formatShanghai(at, 'YYYY年M月D日 HH:mm')).toBe('2026年3月1日 00:30')
  expect(formatShanghai(at, 'M月D日')).toBe('3月1日')
  expect(formatShanghai(at, 'HH:mm')).toBe('00:30')
  expect(formatShanghai(Date.parse('2026-12-31T23:59:00+08:00'), 'YYYY-MM-DD HH:mm')).toBe('2026-12-31 23:59')
})

test('a ledger entry shows the Beijing time it was made, not the phone’s', () => {
  const createdAt = Date.parse('2026-03-01T00:30:00+08:00')
  render(
    <PointsEntry
      entry={{
        id: 'e1',
        openid: 'p',
        delta: 5,
        kind: 'civic',
        refId: '',
        note: '垃圾分类',
        operator: 'w',
        createdAt,
        balanceAfter: 5,
      }}
    />,
  )
  expect(screen.getByText('2026年3月1日 00:30')).toBeInTheDocument()
})

test('an order shows when it was placed and until when to collect it in Beijing time, not the phone’s', () => {
  const createdAt = Date.parse('2026-03-01T00:30:00+08:00')
  render(
    <OrderCard
      order={{
        id: 'o1',
        rewardId: 'r1',
        rewardTitle: '洗衣液一瓶',
        merchantId: 'm1',
        merchantName: '惠民超市',
        cost: 30,
        status: 'held',
        createdAt,
        expiresAt: Date.parse('2026-03-07T23:30:00+08:00'),
        redeemedAt: null,
        redeemedBy: null,
      }}
    />,
  )
  expect(screen.getByText('下单时间：3月1日 00:30')).toBeInTheDocument()
  expect(screen.getByText('请在 3月7日 前去领，过期积分自动退回')).toBeInTheDocument()
})

test('the activity list’s 今天 is the Beijing day: an activity 30 seconds from now is today in any zone', () => {
  const now = Date.now()
  expect(dayGroupOf(now + 30_000, now)).toBe('today')
  expect(formatDay(now + 30_000, now)).toBe('今天')
})
