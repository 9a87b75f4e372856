/**
 * The station's report (工作台 → 数据): the per-day counters the functions keep in the transactions of the
 * events they count, held equal to the records. A seeded random history — needs posted, claimed by racing
 * volunteers, completed and confirmed (racing confirmations), activities filled by racing sign-ups and left,
 * attendance confirmed by racing workers, home visits logged and confirmed, civic points awarded, rewards
 * ordered and redeemed — is driven through the functions; afterwards every day's counters equal what the
 * records count (test/helpers/report.ts, the recompute the nightly recount uses too), and so does every
 * figure `summary` and `trend` answer. The nightly recount finds a broken counter, reports it and mends it.
 */
import type { Activity } from '../../types/activities'
import type { Order, RedemptionCode } from '../../types/mall'
import type { Need } from '../../types/needs'
import type { Recipient, Visit } from '../../types/care'
import type { ReportDayRecord, ReportSummary, ReportTrend } from '../../types/report'
import { shanghaiDay, shanghaiMonth } from '../../types/time'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import { ledgerViolations, readLedgerState } from '../helpers/invariants'
import { counterMismatches, figuresFromRecords, readReportRecords } from '../helpers/report'
import { Dice } from '../helpers/random'
import type { Sdk } from '../helpers/sdk'
import { waitUntil } from '../helpers/wait'
import { postErrand, snapshotCollections } from '../helpers/snapshots'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const WORKER = 'demo-worker-liu'
const OTHER_WORKER = 'demo-worker-sun'
const CAPTAIN = 'demo-captain-zhang'
const TEAM = 'demo-care-team-3502'
const REQUESTERS = ['demo-resident-wang', 'demo-resident-zhao', 'demo-resident-li', 'demo-neighbour-02']
const VOLUNTEERS = ['demo-volunteer-zhang', 'demo-volunteer-chen', 'demo-neighbour-01', 'demo-neighbour-04']
const CROWD = [...REQUESTERS, 'demo-neighbour-05', 'demo-neighbour-06', 'demo-neighbour-08', ...VOLUNTEERS]

let emu: Emulator
let sdk: Sdk

startEmulatorForFile({ seed: 'demo' }, (started, connected) => {
  emu = started
  sdk = connected
})

async function ok<T>(fn: string, data: object, openid: string): Promise<T> {
  const res = await emu.call<T>(fn, data, openid)
  if (!res.ok) throw new Error(`${fn}.${(data as { action: string }).action}: ${res.code} ${res.message}`)
  return res.data as T
}

const dayStart = (at: number) => Date.parse(`${shanghaiDay(at)}T00:00:00+08:00`)
let keys = 0
const key = () => `report-${Date.now()}-${keys++}`

async function summaryOf(args: object): Promise<ReportSummary> {
  return ok<ReportSummary>('report', { action: 'summary', ...args }, WORKER)
}

describe('the demo seed', () => {
  it('keeps counters equal to what its records count, every day', async () => {
    expect(await counterMismatches(sdk)).toEqual([])
    const days = await readReportRecords(sdk)
    expect(days.needs.length).toBeGreaterThan(0)
  })
})

describe.each([11, 29])('a random history with races (seed %i)', (seed) => {
  beforeAll(async () => {
    await emu.reset('demo')
  })

  it('keeps every figure equal to the count of the records', async () => {
    const d = new Dice(seed)
    const start = await emu.now()
    // The history takes a few hours of the test's clock: the period is the day it starts and the next.
    const period = { from: dayStart(start), to: dayStart(start) + 2 * DAY }
    const before = await summaryOf(period)

    // Needs: posted, reviewed, claimed by racing volunteers, completed, confirmed with racing confirmations.
    const posted = await Promise.all(
      Array.from({ length: d.int(6, 9) }, (_x, i) =>
        ok<Need>(
          'needs',
          {
            action: 'create',
            category: d.pick(['elderly', 'errand', 'repair', 'medical'] as const),
            title: `帮忙${i}`,
            description: '需要邻居搭把手',
            address: '道义街3502社区5栋1单元101',
            contactPhone: '13603110005',
          },
          REQUESTERS[i % REQUESTERS.length],
        ),
      ),
    )
    const open = posted.filter(() => d.chance(0.85))
    await Promise.all(
      open.map((n) =>
        ok('needs', { action: 'review', id: n.id, approve: true, points: d.int(0, 30) }, WORKER),
      ),
    )
    const claims = await Promise.all(
      open.flatMap((n) => VOLUNTEERS.map((v) => emu.call<Need>('needs', { action: 'claim', id: n.id }, v))),
    )
    const assigned = claims.filter((r) => r.ok).map((r) => r.data!)
    expect(assigned).toHaveLength(open.length)
    await emu.advanceClock(d.int(1, 5) * HOUR)
    const done = assigned.filter(() => d.chance(0.8))
    for (const n of done)
      await ok('needs', { action: 'complete', id: n.id, minutes: d.int(20, 120) }, n.assignee!.openid)
    const confirmed = done.filter(() => d.chance(0.8))
    const confirmations = await Promise.all(
      confirmed.flatMap((n) => [
        emu.call('needs', { action: 'confirm', id: n.id, rating: d.int(1, 5) }, n.requester.openid),
        emu.call('needs', { action: 'confirm', id: n.id, rating: d.int(1, 5) }, WORKER),
      ]),
    )
    expect(confirmations.filter((r) => r.ok)).toHaveLength(confirmed.length)

    // Activities: racing sign-ups past capacity, some cancelled, attendance confirmed by racing workers.
    const now = await emu.now()
    const activities = await Promise.all(
      [null, 'corner-shiji-park'].map((cornerId, i) =>
        ok<Activity>(
          'activities',
          {
            action: 'upsert',
            title: `报表活动${i}`,
            location: '世纪公园',
            startAt: now + 30 * MINUTE + i * 3 * HOUR,
            endAt: now + 90 * MINUTE + i * 3 * HOUR,
            capacity: d.int(3, 6),
            cornerId,
          },
          WORKER,
        ),
      ),
    )
    const signups = await Promise.all(
      activities.flatMap((a) =>
        CROWD.map((p) =>
          emu.call('activities', { action: 'signup', id: a.id }, p).then((r) => ({ r, a, p })),
        ),
      ),
    )
    const placed = signups.filter((s) => s.r.ok)
    expect(placed.length).toBe(activities.reduce((sum, a) => sum + a.capacity, 0))
    const leaving = placed.filter(() => d.chance(0.3))
    await Promise.all(leaving.map((s) => ok('activities', { action: 'cancel', id: s.a.id }, s.p)))
    const staying = placed.filter((s) => !leaving.includes(s) && s.a === activities[0])
    await emu.advanceClock(45 * MINUTE)
    const attendance = await Promise.all(
      staying.flatMap((s) =>
        [WORKER, OTHER_WORKER].map((w) =>
          emu.call('activities', { action: 'confirm', id: s.a.id, openid: s.p, minutes: 45 }, w),
        ),
      ),
    )
    expect(attendance.every((r) => r.ok)).toBe(true)

    // Care: a new recipient, visits logged by the team (one raising a need) and confirmed by the captain.
    const recipient = await ok<Recipient>(
      'care',
      {
        action: 'upsertRecipient',
        name: '测试老人',
        community: '道义街3502社区',
        address: '道义街3502社区9栋2单元301',
        circumstances: ['独居'],
        risk: 'high',
        teamId: TEAM,
        consent: true,
      },
      WORKER,
    )
    const at = await emu.now()
    const visits = await Promise.all(
      ['demo-volunteer-zhang', 'demo-neighbour-01'].map((v, i) =>
        ok<Visit>(
          'care',
          {
            action: 'logVisit',
            recipientId: recipient.id,
            at: at - i * HOUR,
            minutes: d.int(20, 60),
            kind: i ? 'phone' : 'door',
            wellbeing: 'well',
            idempotencyKey: key(),
            ...(i
              ? {}
              : { raiseNeed: { category: 'repair', title: '修水龙头', description: '厨房水龙头漏水' } }),
          },
          v,
        ),
      ),
    )
    await Promise.all(
      visits.flatMap((v) => [
        emu.call('care', { action: 'confirmVisit', id: v.id }, CAPTAIN),
        emu.call('care', { action: 'confirmVisit', id: v.id }, WORKER),
      ]),
    )

    // Points: civic awards (retried with the same key) and a redemption at a shop.
    const awardKey = key()
    await Promise.all(
      [awardKey, awardKey, key()].map((k) =>
        ok(
          'points',
          {
            action: 'adjust',
            openid: 'demo-resident-li',
            ruleId: 'garbage-sorting',
            note: '垃圾分类',
            idempotencyKey: k,
          },
          WORKER,
        ),
      ),
    )
    await ok(
      'points',
      {
        action: 'adjust',
        openid: 'demo-resident-li',
        delta: 200,
        note: '志愿服务补记',
        idempotencyKey: key(),
      },
      WORKER,
    )
    const order = await ok<Order>(
      'mall',
      { action: 'order', rewardId: 'reward-noodles', idempotencyKey: key() },
      'demo-resident-li',
    )
    const code = await ok<RedemptionCode>('mall', { action: 'code', orderId: order.id }, 'demo-resident-li')
    const scans = await Promise.all(
      [1, 2, 3].map(() => emu.call('mall', { action: 'redeem', code: code.code }, 'demo-merchant-zhou')),
    )
    expect(scans.filter((r) => r.ok)).toHaveLength(1)

    // Every day's counters are what the records count.
    expect(await counterMismatches(sdk)).toEqual([])
    expect(ledgerViolations(await readLedgerState(sdk))).toEqual([])

    // The figures of today, station-wide and by community, equal the records' count.
    const today = period
    const summary = await summaryOf(today)
    const { from: _f, to: _t, days: _d, ...figures } = summary
    const overdue = summary.care!.overdue
    expect(figures).toEqual(await figuresFromRecords(sdk, today.from, today.to, null, overdue))
    // …and they moved by what was done today.
    expect(summary.needs!.received - before.needs!.received).toBe(posted.length + 1)
    expect(summary.needs!.confirmed - before.needs!.confirmed).toBe(confirmed.length)
    expect(summary.care!.visits - before.care!.visits).toBe(visits.length)
    expect(summary.care!.recipients - before.care!.recipients).toBe(1)
    expect(summary.points!.redeemed - before.points!.redeemed).toBe(order.cost)
    expect(summary.activities!.attended - before.activities!.attended).toBe(staying.length)

    const community = await summaryOf({ ...today, community: '道义街3502社区' })
    const { from: _a, to: _b, days: _c, ...byCommunity } = community
    expect(byCommunity).toEqual(
      await figuresFromRecords(
        sdk,
        today.from,
        today.to,
        { dimension: 'community', value: '道义街3502社区' },
        community.care!.overdue,
      ),
    )
    expect(community.activities).toBeNull()
    expect(community.points).toBeNull()

    // Each month of the trend is that month's figures, the current month last.
    const trend = await ok<ReportTrend>('report', { action: 'trend', months: 2 }, WORKER)
    const later = await emu.now()
    const monthStart = (month: string) => Date.parse(`${month}-01T00:00:00+08:00`)
    const current = shanghaiMonth(later)
    expect(trend.items.map((i) => i.month)).toEqual([shanghaiMonth(monthStart(current) - 1), current])
    for (const { month, ...figures } of trend.items) {
      const next = shanghaiMonth(monthStart(month) + 32 * DAY)
      expect(figures).toEqual(await figuresFromRecords(sdk, monthStart(month), monthStart(next), null, null))
    }
  })
})

describe('the nightly recount', () => {
  beforeEach(async () => {
    await emu.reset('demo')
  })

  it('reports a broken counter of yesterday and mends it', async () => {
    const start = await emu.now()
    const day = shanghaiDay(start)
    await postErrand(emu, 'demo-resident-li')
    // Someone breaks today's counters: a figure raised, a distinct id lost.
    const _ = sdk.db.command
    await sdk.db
      .collection('report_days')
      .doc(day)
      .update({ data: { 'all.n.received': _.inc(5), 'corner.x.n.held': _.inc(1) } })
    const broken = await counterMismatches(sdk)
    expect(broken).toHaveLength(2)
    const [, stored, counted] = /^\S+ all\.n\.received: (\d+) → (\d+)$/.exec(broken[0])!
    expect(Number(stored) - Number(counted)).toBe(5)
    expect(broken[1]).toBe(`${day} corner.x.n.held: 1 → null`)
    // The clock passes 02:00 of the next day: the timer recounts "yesterday".
    const next2am = dayStart(start) + DAY + 2 * HOUR + MINUTE
    await emu.advanceClock(next2am - start)
    const recount = await waitUntil(async () => {
      const res = await sdk.db.collection('report_recounts').where({ _id: day }).get()
      return res.data[0] as { differences: string[] } | undefined
    })
    expect(recount.differences).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^all\.n\.received: \d+ → \d+$/),
        expect.stringMatching(/^corner\.x/),
      ]),
    )
    expect(await counterMismatches(sdk)).toEqual([])
    // The next days' documents were made ahead.
    const ahead = await sdk.db
      .collection('report_days')
      .where({ _id: shanghaiDay(next2am + 5 * DAY) })
      .get()
    expect(ahead.data).toHaveLength(1)
  })

  it('reports nothing when the counters agree', async () => {
    const start = await emu.now()
    const day = shanghaiDay(start)
    await postErrand(emu, 'demo-resident-li')
    await emu.advanceClock(dayStart(start) + DAY + 2 * HOUR + MINUTE - start)
    await waitUntil(async () => {
      const ahead = await sdk.db
        .collection('report_days')
        .where({ _id: shanghaiDay(start + 8 * DAY) })
        .get()
      return ahead.data[0]
    })
    const res = await sdk.db.collection('report_recounts').where({ _id: day }).get()
    expect(res.data).toEqual([])
    expect(await counterMismatches(sdk)).toEqual([])
  })
})

describe('counters of a day nobody made ahead', () => {
  beforeAll(async () => {
    await emu.reset('none')
  })

  it('are created once by the first event, however many race', async () => {
    const start = await emu.now()
    const far = start + 60 * DAY
    const worker = 'report-worker'
    const res = await emu.call('user', { action: 'login' }, worker)
    expect(res.ok).toBe(true)
    const _ = sdk.db.command
    await sdk.db
      .collection('users')
      .doc(worker)
      .update({ data: { roles: _.set(['resident', 'worker']) } })
    const made = await Promise.all(
      Array.from({ length: 12 }, (_x, i) =>
        emu.call<Activity>(
          'activities',
          {
            action: 'upsert',
            title: `远期活动${i}`,
            location: '社区广场',
            startAt: far,
            endAt: far + HOUR,
            capacity: 10,
          },
          worker,
        ),
      ),
    )
    expect(made.every((r) => r.ok)).toBe(true)
    const doc = (await sdk.db.collection('report_days').doc(shanghaiDay(far)).get()).data as ReportDayRecord
    expect(doc.all.n.held).toBe(12)
    expect(doc.all.n.places).toBe(120)
    expect(await counterMismatches(sdk)).toEqual([])
  })
})

describe('refusals', () => {
  beforeAll(async () => {
    await emu.reset('demo')
  })

  it.each([
    ['the end before the start', { from: 2, to: 1 }, /结束时间要晚于开始时间/],
    ['more than a year', { from: 0, to: 400 * DAY }, /一次最多统计一年/],
    ['two filters at once', { from: 0, to: DAY, community: '槐中路社区', teamId: TEAM }, /一次只能按/],
  ])('answer %s with a clear message and change nothing', async (_label, range, message) => {
    const base = await emu.now()
    const args = { ...range, from: base + range.from, to: base + range.to }
    const before = await snapshotCollections(sdk, ['report_days', 'report_recounts'])
    const res = await emu.call('report', { action: 'summary', ...args }, WORKER)
    expect(res.ok).toBe(false)
    expect(res.code).toBe('invalid-argument')
    expect(res.message).toMatch(message)
    expect(await snapshotCollections(sdk, ['report_days', 'report_recounts'])).toEqual(before)
  })
})
