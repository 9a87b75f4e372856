/**
 * The `activities` function over /fn: places never beyond capacity however many race, one place per
 * person, no two overlapping places, cancellation that frees a place; the rotating check-in code; minutes
 * capped by the window and credited exactly once; workers-only actions; input refused without a trace.
 */
import type { Activity, AttendanceItem, CheckinCode, Participation } from '../../types/activities'
import { CODE_LOCK_MS, CODE_MAX_MISSES } from '../../types/activities'
import type { Page } from '../../types/envelope'
import type { PointsSummaryFull } from '../../types/points'
import type { Me } from '../../types/user'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import type { Sdk } from '../helpers/sdk'

const WORKER = 'demo-worker-liu'
/** People with no demo sign-ups, so that the activities a test creates never clash with theirs. */
const ME = 'test-person-me'
const OTHER = 'test-person-other'
/** Demo people whose sign-ups the seed made. */
const LI = 'demo-resident-li'
const VOLUNTEER = 'demo-volunteer-zhang'
const MINUTE = 60_000
const HOUR = 60 * MINUTE

let emu: Emulator
let sdk: Sdk

startEmulatorForFile({ seed: 'none', reset: 'demo', ledger: true }, (started, connected) => {
  emu = started
  sdk = connected
})

const activities = <T>(data: object, openid?: string) => emu.call<T>('activities', data, openid)
const now = () => emu.advanceClock(0)

/** A new activity starting `inMs` from now, lasting `hours`, created by the demo worker. */
async function newActivity(
  inMs: number,
  fields: Partial<{ capacity: number; hours: number; pointsPerHour: number; title: string }> = {},
): Promise<Activity> {
  const startAt = (await now()) + inMs
  const res = await activities<Activity>(
    {
      action: 'upsert',
      projectId: 'project-xiaohongmao',
      cornerId: 'corner-shiji-park',
      title: fields.title ?? '“小红帽”陪老人逛公益角',
      location: '世纪公园公益角',
      startAt,
      endAt: startAt + (fields.hours ?? 2) * HOUR,
      capacity: fields.capacity ?? 10,
      ...(fields.pointsPerHour === undefined ? {} : { pointsPerHour: fields.pointsPerHour }),
    },
    WORKER,
  )
  expect(res).toMatchObject({ ok: true })
  return res.data!
}

async function stored(id: string) {
  const activity = (await sdk.db.collection('activities').doc(id).get()).data
  const signups = (await sdk.db.collection('signups').where({ activityId: id }).limit(1000).get())
    .data as Array<{
    openid: string
    state: string
  }>
  return { activity, signups, holding: signups.filter((s) => s.state !== 'cancelled') }
}

async function snapshot(): Promise<unknown> {
  const read = async (name: string) =>
    (await sdk.db.collection(name).orderBy('_id', 'asc').limit(1000).get()).data
  return Promise.all(['activities', 'signups', 'agendas', 'ledger'].map(read))
}

/** The snapshot with what a wrong code is meant to change (the sign-up's count of misses) left out. */
async function snapshotBesidesMisses(): Promise<unknown> {
  const [activities, signups, ...rest] = (await snapshot()) as Array<Array<Record<string, unknown>>>
  const plain = signups.map(({ codeLock: _lock, updatedAt: _at, ...signup }) => signup)
  return [activities, plain, ...rest]
}

const codeFor = async (id: string) =>
  (await activities<CheckinCode>({ action: 'checkinCode', id }, WORKER)).data!.code

const balance = async (openid: string) =>
  (await emu.call<PointsSummaryFull>('points', { action: 'summary' }, openid)).data!.balance

describe('sign-up', () => {
  it('gives exactly 10 of 60 racing people a place; the rest resource-exhausted; signedUp = 10 = sign-ups', async () => {
    const { id } = await newActivity(2 * 24 * HOUR, { capacity: 10 })
    const people = Array.from({ length: 60 }, (_v, i) => `racer-${i}`)
    const answers = await Promise.all(
      people.map((p) => activities<Participation>({ action: 'signup', id }, p)),
    )
    const won = answers.filter((a) => a.ok)
    expect(won).toHaveLength(10)
    expect(answers.filter((a) => !a.ok).map((a) => a.code)).toEqual(Array(50).fill('resource-exhausted'))
    const { activity, holding } = await stored(id)
    expect(activity.signedUp).toBe(10)
    expect(holding).toHaveLength(10)
    expect(new Set(holding.map((s) => s.openid))).toEqual(new Set(won.map((a) => people[answers.indexOf(a)])))
    const full = await activities({ action: 'signup', id }, 'one-more')
    expect(full).toMatchObject({ ok: false, code: 'resource-exhausted' })
  })

  it('gives one person racing themselves one place; the other attempts already-exists', async () => {
    const { id } = await newActivity(24 * HOUR, { capacity: 10 })
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => activities({ action: 'signup', id }, ME)),
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map((a) => a.code)).toEqual(Array(19).fill('already-exists'))
    const { activity, holding } = await stored(id)
    expect(activity.signedUp).toBe(1)
    expect(holding).toHaveLength(1)
    // Also when the activity is full: a second try is already-exists, not resource-exhausted.
    const { id: small } = await newActivity(5 * 24 * HOUR, { capacity: 1 })
    await activities({ action: 'signup', id: small }, ME)
    expect(await activities({ action: 'signup', id: small }, ME)).toMatchObject({
      code: 'already-exists',
    })
  })

  it('refuses a sign-up that overlaps another of mine, and allows one that starts as the other ends', async () => {
    const first = await newActivity(24 * HOUR, { hours: 2 })
    const overlapping = await newActivity(25 * HOUR, { hours: 2, title: '民心河畔公益健走' })
    const after = await newActivity(26 * HOUR, { hours: 1, title: '石门老照片展讲解' })
    expect(await activities({ action: 'signup', id: first.id }, ME)).toMatchObject({ ok: true })
    const before = await snapshot()
    const refused = await activities({ action: 'signup', id: overlapping.id }, ME)
    expect(refused).toMatchObject({ ok: false, code: 'failed-precondition' })
    expect(refused.message).toContain('时间冲突')
    expect(await snapshot()).toEqual(before)
    expect(await activities({ action: 'signup', id: after.id }, ME)).toMatchObject({ ok: true })
    // Someone else may take the overlapping one.
    expect(await activities({ action: 'signup', id: overlapping.id }, OTHER)).toMatchObject({ ok: true })
  })

  it('gives one person racing for five overlapping activities exactly one of them', async () => {
    const all = await Promise.all(
      Array.from({ length: 5 }, (_v, i) =>
        newActivity(48 * HOUR + i * 10 * MINUTE, { title: `重叠活动${i}` }),
      ),
    )
    const answers = await Promise.all(
      all.map((a) => activities({ action: 'signup', id: a.id }, 'agenda-racer')),
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map((a) => a.code)).toEqual(Array(4).fill('failed-precondition'))
    const held = (await sdk.db.collection('signups').where({ openid: 'agenda-racer' }).get()).data
    expect(held).toHaveLength(1)
    const signedUp = await Promise.all(all.map(async (a) => (await stored(a.id)).activity.signedUp))
    expect(signedUp.reduce((s, n) => s + n, 0)).toBe(1)
  })

  it('lets a cancelled place be taken again, by someone else and then by the same person', async () => {
    const { id } = await newActivity(24 * HOUR, { capacity: 1 })
    expect(await activities({ action: 'signup', id }, ME)).toMatchObject({ ok: true })
    expect(await activities({ action: 'signup', id }, OTHER)).toMatchObject({
      code: 'resource-exhausted',
    })
    const cancelled = await activities<Participation>({ action: 'cancel', id }, ME)
    expect(cancelled.data).toMatchObject({ state: 'cancelled', activity: { signedUp: 0 } })
    // Cancelling again answers the same and frees nothing more.
    expect((await activities<Participation>({ action: 'cancel', id }, ME)).data).toMatchObject({
      state: 'cancelled',
      activity: { signedUp: 0 },
    })
    expect(await activities({ action: 'signup', id }, OTHER)).toMatchObject({ ok: true })
    expect(await activities({ action: 'cancel', id }, OTHER)).toMatchObject({ ok: true })
    expect((await activities<Participation>({ action: 'signup', id }, ME)).data).toMatchObject({
      state: 'signed',
      activity: { signedUp: 1, myState: 'signed' },
    })
    const { activity, holding } = await stored(id)
    expect([activity.signedUp, holding.map((s) => s.openid)]).toEqual([1, [ME]])
  })

  it('frees the person’s time too: after cancelling, an overlapping activity can be joined', async () => {
    const a = await newActivity(24 * HOUR)
    const b = await newActivity(24 * HOUR + 30 * MINUTE, { title: '同一时间的另一场' })
    await activities({ action: 'signup', id: a.id }, ME)
    expect(await activities({ action: 'signup', id: b.id }, ME)).toMatchObject({
      code: 'failed-precondition',
    })
    await activities({ action: 'cancel', id: a.id }, ME)
    expect(await activities({ action: 'signup', id: b.id }, ME)).toMatchObject({ ok: true })
  })

  it('refuses sign-ups once the activity has started, is closed or cancelled', async () => {
    const started = await newActivity(10 * MINUTE)
    await emu.advanceClock(11 * MINUTE)
    expect(await activities({ action: 'signup', id: started.id }, ME)).toMatchObject({
      code: 'failed-precondition',
    })
    const later = await newActivity(24 * HOUR)
    const edit = { action: 'upsert', id: later.id, title: later.title, location: later.location }
    const window = { startAt: later.startAt, endAt: later.endAt, capacity: later.capacity }
    await activities({ ...edit, ...window, status: 'closed' }, WORKER)
    expect(await activities({ action: 'signup', id: later.id }, ME)).toMatchObject({
      code: 'failed-precondition',
    })
    await activities({ ...edit, ...window, status: 'cancelled' }, WORKER)
    expect(await activities({ action: 'signup', id: later.id }, ME)).toMatchObject({
      code: 'failed-precondition',
    })
    expect(await activities({ action: 'signup', id: 'no-such-activity' }, ME)).toMatchObject({
      code: 'not-found',
    })
  })
})

describe('on site', () => {
  it('checks in with the current code or the one before, never with a wrong or expired one', async () => {
    const { id } = await newActivity(20 * MINUTE)
    await activities({ action: 'signup', id }, ME)
    const issued = await activities<CheckinCode>({ action: 'checkinCode', id }, WORKER)
    const t = await now()
    expect(issued.data!.code).toMatch(/^\d{6}$/)
    expect(issued.data!.expiresAt - t).toBeLessThanOrEqual(60_000)
    expect(issued.data!.expiresAt - issued.data!.refreshAt).toBe(30_000)
    expect(issued.data!.qr).toBe(`xiaoshe:checkin:${id}:${issued.data!.code}`)

    const before = await snapshotBesidesMisses()
    const wrong = String((Number(issued.data!.code) + 1) % 1_000_000).padStart(6, '0')
    expect(await activities({ action: 'checkin', id, code: wrong }, ME)).toMatchObject({
      code: 'failed-precondition',
    })
    await emu.advanceClock(61_000)
    expect(await activities({ action: 'checkin', id, code: issued.data!.code }, ME)).toMatchObject({
      code: 'failed-precondition',
    })
    // Nothing changes but the count of wrong codes (see the lock below).
    expect(await snapshotBesidesMisses()).toEqual(before)

    const fresh = await codeFor(id)
    await emu.advanceClock(30_000)
    const checked = await activities<Participation>({ action: 'checkin', id, code: fresh }, ME)
    expect(checked.data).toMatchObject({ state: 'checked-in' })
    // Scanning again changes nothing.
    const again = await activities<Participation>({ action: 'checkin', id, code: await codeFor(id) }, ME)
    expect(again.data!.checkinAt).toBe(checked.data!.checkinAt)
  })

  it(`locks codes out for ${CODE_LOCK_MS / MINUTE} minutes after ${CODE_MAX_MISSES} wrong ones, even the right code`, async () => {
    const { id } = await newActivity(10 * MINUTE)
    await activities({ action: 'signup', id }, ME)
    const right = await codeFor(id)
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0')
    for (let i = 1; i < CODE_MAX_MISSES; i++) {
      const miss = await activities({ action: 'checkin', id, code: wrong }, ME)
      expect(miss.message).toBe('签到码不对或已经过期，请扫描现场最新的签到码')
    }
    const last = await activities({ action: 'checkin', id, code: wrong }, ME)
    expect(last).toMatchObject({ code: 'failed-precondition' })
    expect(last.message).toContain('输错太多次')
    const locked = await activities({ action: 'checkin', id, code: await codeFor(id) }, ME)
    expect(locked).toMatchObject({ code: 'failed-precondition' })
    expect(locked.message).toContain('分钟后再试')
    // Someone else at the same activity is not affected.
    await activities({ action: 'signup', id }, OTHER)
    expect(await activities({ action: 'checkin', id, code: await codeFor(id) }, OTHER)).toMatchObject({
      ok: true,
    })

    await emu.advanceClock(CODE_LOCK_MS + 1000)
    const checked = await activities<Participation>({ action: 'checkin', id, code: await codeFor(id) }, ME)
    expect(checked).toMatchObject({ ok: true, data: { state: 'checked-in' } })
  })

  it('counts every one of many racing wrong guesses: 40 at once, then the right code is refused', async () => {
    const { id } = await newActivity(10 * MINUTE)
    await activities({ action: 'signup', id }, ME)
    const right = await codeFor(id)
    const guesses = Array.from({ length: 40 }, (_, i) =>
      String((Number(right) + 1000 + i) % 1_000_000).padStart(6, '0'),
    )
    const answers = await Promise.all(guesses.map((code) => activities({ action: 'checkin', id, code }, ME)))
    expect(answers.every((a) => a.code === 'failed-precondition')).toBe(true)
    expect(answers.filter((a) => a.message?.includes('输错太多次'))).toHaveLength(
      guesses.length - (CODE_MAX_MISSES - 1),
    )
    expect(await activities({ action: 'checkin', id, code: await codeFor(id) }, ME)).toMatchObject({
      code: 'failed-precondition',
    })
    expect((await stored(id)).signups.find((s) => s.openid === ME)?.state).toBe('signed')
  })

  it('keeps wrong codes on the person and the activity: cancelling and signing up again resets nothing', async () => {
    const { id } = await newActivity(20 * MINUTE)
    const right = await codeFor(id)
    const wrong = (i: number) => String((Number(right) + 1000 + i) % 1_000_000).padStart(6, '0')
    const again = async () => {
      expect(await activities({ action: 'cancel', id }, ME)).toMatchObject({ ok: true })
      expect(await activities({ action: 'signup', id }, ME)).toMatchObject({ ok: true })
    }
    await activities({ action: 'signup', id }, ME)
    for (let i = 1; i < CODE_MAX_MISSES; i++) {
      expect((await activities({ action: 'checkin', id, code: wrong(i) }, ME)).message).not.toContain(
        '输错太多次',
      )
      await again()
    }
    const last = await activities({ action: 'checkin', id, code: wrong(0) }, ME)
    expect(last.message).toContain('输错太多次')
    await again()
    const locked = await activities({ action: 'checkin', id, code: await codeFor(id) }, ME)
    expect(locked).toMatchObject({ code: 'failed-precondition' })
    expect(locked.message).toContain('分钟后再试')
    await emu.advanceClock(CODE_LOCK_MS + 1000)
    await again()
    expect(await activities({ action: 'checkin', id, code: await codeFor(id) }, ME)).toMatchObject({
      ok: true,
      data: { state: 'checked-in' },
    })
  })

  it(`does not forgive wrong codes for a right one: at most ${CODE_MAX_MISSES} in any ${CODE_LOCK_MS / MINUTE} minutes`, async () => {
    const { id } = await newActivity(10 * MINUTE)
    await activities({ action: 'signup', id }, ME)
    const right = await codeFor(id)
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0')
    for (let i = 1; i < CODE_MAX_MISSES; i++) await activities({ action: 'checkin', id, code: wrong }, ME)
    expect(await activities({ action: 'checkin', id, code: right }, ME)).toMatchObject({ ok: true })
    const out = await activities({ action: 'checkout', id, code: wrong }, ME)
    expect(out.message).toContain('输错太多次')
  })

  it('opens check-in 30 minutes before the start and closes it at the end; only participants check in', async () => {
    const { id, endAt } = await newActivity(45 * MINUTE)
    await activities({ action: 'signup', id }, ME)
    await activities({ action: 'signup', id }, OTHER)
    expect(await activities({ action: 'checkinCode', id }, WORKER)).toMatchObject({
      code: 'failed-precondition',
    })
    expect(await activities({ action: 'checkin', id, code: '123456' }, ME)).toMatchObject({
      code: 'failed-precondition',
    })
    await emu.advanceClock(16 * MINUTE)
    const code = await codeFor(id)
    expect(await activities({ action: 'checkin', id, code }, 'demo-resident-wang')).toMatchObject({
      code: 'permission-denied',
    })
    expect(await activities({ action: 'checkin', id, code }, ME)).toMatchObject({ ok: true })
    await emu.advanceClock(endAt - (await now()) + 1000)
    const late = await activities({ action: 'checkin', id, code: await codeFor(id) }, OTHER)
    expect(late).toMatchObject({ code: 'failed-precondition' })
    expect(late.message).toContain('结束')
  })

  it('refuses a check-out before the check-in, and a cancellation after it', async () => {
    const { id } = await newActivity(10 * MINUTE)
    await activities({ action: 'signup', id }, ME)
    const before = await snapshot()
    expect(await activities({ action: 'checkout', id, code: await codeFor(id) }, ME)).toMatchObject({
      code: 'failed-precondition',
    })
    expect(await snapshot()).toEqual(before)
    await activities({ action: 'checkin', id, code: await codeFor(id) }, ME)
    const cancel = await activities({ action: 'cancel', id }, ME)
    expect(cancel).toMatchObject({ ok: false, code: 'failed-precondition' })
    expect((await stored(id)).activity.signedUp).toBe(1)
  })
})

describe('attendance and points', () => {
  async function servedActivity(pointsPerHour = 12) {
    const activity = await newActivity(20 * MINUTE, { hours: 2, pointsPerHour })
    await activities({ action: 'signup', id: activity.id }, ME)
    await activities({ action: 'signup', id: activity.id }, OTHER)
    return activity
  }

  it('credits minutes × pointsPerHour once, however often and however concurrently confirm is called', async () => {
    const { id, startAt } = await servedActivity(12)
    // In 20 minutes early, out 30 minutes after the end: only the window's 120 minutes count.
    await activities({ action: 'checkin', id, code: await codeFor(id) }, ME)
    await emu.advanceClock(startAt + 150 * MINUTE - (await now()))
    const out = await activities<Participation>({ action: 'checkout', id, code: await codeFor(id) }, ME)
    expect(out.data).toMatchObject({ state: 'checked-out' })
    const listed = await activities<{ items: AttendanceItem[] }>({ action: 'attendance', id }, WORKER)
    expect(listed.data!.items.find((i) => i.openid === ME)).toMatchObject({
      state: 'checked-out',
      minutes: 120,
      points: null,
    })

    const before = await balance(ME)
    const answers = await Promise.all(
      Array.from({ length: 15 }, () =>
        activities<AttendanceItem>({ action: 'confirm', id, openid: ME }, WORKER),
      ),
    )
    expect(answers.every((a) => a.ok)).toBe(true)
    for (const a of answers) expect(a.data).toMatchObject({ state: 'confirmed', minutes: 120, points: 24 })
    expect((await balance(ME)) - before).toBe(24)
    // Later calls, even with other minutes, answer the same result and credit nothing.
    const later = await activities<AttendanceItem>({ action: 'confirm', id, openid: ME, minutes: 30 }, WORKER)
    expect(later.data).toMatchObject({ minutes: 120, points: 24 })
    expect((await balance(ME)) - before).toBe(24)
    const entries = (await sdk.db.collection('ledger').where({ openid: ME, refId: id }).get()).data
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ kind: 'activity', delta: 24, operator: WORKER })
  })

  it('does not let a forgotten check-out inflate time: the worker must give the minutes, within the window', async () => {
    const { id, startAt } = await servedActivity(10)
    await activities({ action: 'checkin', id, code: await codeFor(id) }, ME)
    await emu.advanceClock(startAt + 5 * HOUR - (await now()))
    const before = await snapshot()
    const needsMinutes = await activities({ action: 'confirm', id, openid: ME }, WORKER)
    expect(needsMinutes).toMatchObject({ ok: false, code: 'failed-precondition' })
    expect(needsMinutes.message).toContain('分钟')
    expect(await activities({ action: 'confirm', id, openid: ME, minutes: 121 }, WORKER)).toMatchObject({
      ok: false,
      code: 'invalid-argument',
    })
    // Never checked in at all: the same.
    expect(await activities({ action: 'confirm', id, openid: OTHER }, WORKER)).toMatchObject({
      code: 'failed-precondition',
    })
    expect(await snapshot()).toEqual(before)
    const before$ = await balance(ME)
    const ok = await activities<AttendanceItem>({ action: 'confirm', id, openid: ME, minutes: 90 }, WORKER)
    expect(ok.data).toMatchObject({ state: 'confirmed', minutes: 90, points: 15, checkoutAt: null })
    expect((await balance(ME)) - before$).toBe(15)
    // Check-out is over for this one (more than two hours after the end).
    expect(await activities({ action: 'checkout', id, code: '000000' }, OTHER)).toMatchObject({
      code: 'failed-precondition',
    })
  })

  it('counts confirmed minutes as service time once, even for an activity that earns no points', async () => {
    const service = async (openid: string) =>
      (await emu.call<Me>('user', { action: 'login' }, openid)).data!.service
    const { id, startAt } = await servedActivity(0)
    await emu.advanceClock(startAt + 3 * HOUR - (await now()))
    const before = await service(ME)
    const points = await balance(ME)
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        activities<AttendanceItem>({ action: 'confirm', id, openid: ME, minutes: 75 }, WORKER),
      ),
    )
    for (const a of answers) expect(a.data).toMatchObject({ state: 'confirmed', minutes: 75, points: 0 })
    expect(await service(ME)).toEqual({
      ...before,
      minutes: before.minutes + 75,
      activity: before.activity + 75,
    })
    expect(await balance(ME)).toBe(points)
    // Not confirmed: no service time.
    expect((await service(OTHER)).minutes).toBe(0)
  })

  it('credits at the rate the activity has when confirmed; a cancelled activity tells its participants and confirms nothing', async () => {
    const { id, startAt, ...rest } = await servedActivity(12)
    const edit = (fields: object) =>
      activities<Activity>(
        {
          action: 'upsert',
          id,
          title: rest.title,
          location: rest.location,
          startAt,
          endAt: rest.endAt,
          capacity: rest.capacity,
          ...fields,
        },
        WORKER,
      )
    expect(await edit({ pointsPerHour: 30 })).toMatchObject({ ok: true, data: { pointsPerHour: 30 } })
    await emu.advanceClock(startAt + 10 * MINUTE - (await now()))
    const before = await balance(ME)
    const ok = await activities<AttendanceItem>({ action: 'confirm', id, openid: ME, minutes: 60 }, WORKER)
    expect(ok.data).toMatchObject({ state: 'confirmed', minutes: 60, points: 30 })
    expect((await balance(ME)) - before).toBe(30)

    const sentBefore = (await emu.outbox()).length
    expect(await edit({ status: 'cancelled' })).toMatchObject({ ok: true })
    // Whoever still holds a place is told; the one already confirmed is not.
    const told = (await emu.outbox()).slice(sentBefore)
    expect(told.map((m) => m.payload.touser)).toEqual([OTHER])
    expect(told[0].payload).toMatchObject({
      templateId: 'local-activity-change',
      data: { thing1: { value: rest.title }, thing3: { value: expect.stringContaining('取消') } },
    })
    const unchanged = await snapshot()
    const refused = await activities({ action: 'confirm', id, openid: OTHER, minutes: 60 }, WORKER)
    expect(refused).toMatchObject({ ok: false, code: 'failed-precondition' })
    expect(refused.message).toContain('取消')
    expect(await snapshot()).toEqual(unchanged)
  })

  it('lists attendance in every state of the demo and lets the worker finish it', async () => {
    const id = 'demo-act-past-xiaohongmao'
    const res = await activities<{ items: AttendanceItem[] }>({ action: 'attendance', id }, WORKER)
    const states = Object.fromEntries(res.data!.items.map((i) => [i.openid, i.state]))
    expect(states).toEqual({
      'demo-volunteer-zhang': 'confirmed',
      'demo-volunteer-chen': 'checked-out',
      'demo-neighbour-01': 'checked-in',
      'demo-neighbour-04': 'signed',
    })
    const chen = await activities<AttendanceItem>(
      { action: 'confirm', id, openid: 'demo-volunteer-chen' },
      WORKER,
    )
    expect(chen.data).toMatchObject({ state: 'confirmed', minutes: 135, points: 23 })
    const zhang = res.data!.items.find((i) => i.openid === 'demo-volunteer-zhang')!
    const again = await activities<AttendanceItem>(
      { action: 'confirm', id, openid: 'demo-volunteer-zhang' },
      WORKER,
    )
    expect(again.data).toEqual(zhang)
    expect(await activities({ action: 'confirm', id, openid: 'demo-neighbour-09' }, WORKER)).toMatchObject({
      code: 'not-found',
    })
  })

  it('keeps the demo’s places, sign-ups and agendas in step', async () => {
    const all = (await sdk.db.collection('activities').limit(1000).get()).data
    const signups = (await sdk.db.collection('signups').limit(1000).get()).data
    expect(all.length).toBeGreaterThanOrEqual(20)
    for (const a of all) {
      const holding = signups.filter(
        (s: { activityId: string; state: string }) => s.activityId === a._id && s.state !== 'cancelled',
      )
      expect([a._id, a.signedUp]).toEqual([a._id, holding.length])
      expect(a.signedUp).toBeLessThanOrEqual(a.capacity)
    }
    expect(all.some((a: { signedUp: number; capacity: number }) => a.signedUp === a.capacity)).toBe(true)
  })
})

describe('reading', () => {
  it('lists activities that have not ended soonest first, each once, and tells me where I stand', async () => {
    const t = await now()
    const seen: Activity[] = []
    let cursor: string | undefined
    do {
      const page = await activities<Page<Activity>>(
        { action: 'list', limit: 5, ...(cursor ? { cursor } : {}) },
        LI,
      )
      seen.push(...page.data!.items)
      cursor = page.data!.nextCursor ?? undefined
    } while (cursor)
    expect(seen.length).toBeGreaterThanOrEqual(20)
    expect(new Set(seen.map((a) => a.id)).size).toBe(seen.length)
    expect(seen.every((a) => a.endAt > t)).toBe(true)
    const starts = seen.map((a) => a.startAt)
    expect([...starts].sort((x, y) => x - y)).toEqual(starts)
    expect(seen.find((a) => a.id === 'demo-act-now-shimen')?.myState).toBe('signed')
    expect(seen.filter((a) => a.myState === null).length).toBeGreaterThan(0)

    const past = await activities<Page<Activity>>({ action: 'list', when: 'past' })
    expect(past.data!.items.map((a) => a.id)).toEqual(['demo-act-past-xiaohongmao', 'demo-act-past-xingzou'])
    expect(past.data!.items[0].myState).toBeUndefined()
    const one = await activities<Activity>({ action: 'get', id: 'demo-act-past-xingzou' }, LI)
    expect(one.data).toMatchObject({ myState: 'checked-out', status: 'open' })
    const ofProject = await activities<Page<Activity>>({ action: 'list', projectId: 'project-xiaohongmao' })
    expect(ofProject.data!.items.every((a) => a.projectId === 'project-xiaohongmao')).toBe(true)
  })

  it('lists my coming and past activities (我的活动), without cancelled ones', async () => {
    const { id } = await newActivity(10 * 24 * HOUR, { title: '很久以后的活动' })
    await activities({ action: 'signup', id }, LI)
    const coming = await activities<Page<Participation>>({ action: 'mine' }, LI)
    const ids = coming.data!.items.map((p) => p.activity.id)
    expect(ids[0]).toBe('demo-act-now-shimen')
    expect(ids).toContain(id)
    const starts = coming.data!.items.map((p) => p.activity.startAt)
    expect([...starts].sort((x, y) => x - y)).toEqual(starts)
    await activities({ action: 'cancel', id }, LI)
    const after = await activities<Page<Participation>>({ action: 'mine' }, LI)
    expect(after.data!.items.map((p) => p.activity.id)).not.toContain(id)
    const past = await activities<Page<Participation>>({ action: 'mine', when: 'past' }, LI)
    expect(past.data!.items).toMatchObject([
      { state: 'checked-out', activity: { id: 'demo-act-past-xingzou' } },
    ])
    expect(await activities({ action: 'mine' })).toMatchObject({ code: 'unauthenticated' })
  })
})

describe('who may do what, and bad input', () => {
  it('changes an activity after sign-ups only within what the participants rely on', async () => {
    const a = await newActivity(24 * HOUR, { capacity: 5 })
    await activities({ action: 'signup', id: a.id }, ME)
    await activities({ action: 'signup', id: a.id }, OTHER)
    const edit = {
      action: 'upsert',
      id: a.id,
      title: a.title,
      location: a.location,
      startAt: a.startAt,
      endAt: a.endAt,
      capacity: a.capacity,
    }
    const before = await snapshot()
    expect(await activities({ ...edit, capacity: 1 }, WORKER)).toMatchObject({ code: 'failed-precondition' })
    expect(
      await activities({ ...edit, startAt: a.startAt + HOUR, endAt: a.endAt + HOUR }, WORKER),
    ).toMatchObject({
      code: 'failed-precondition',
    })
    expect(await activities({ ...edit, endAt: a.endAt + 1 }, WORKER)).toMatchObject({
      code: 'failed-precondition',
    })
    expect(await snapshot()).toEqual(before)
    const renamed = await activities<Activity>(
      { ...edit, capacity: 2, title: '“小红帽”陪老人晒太阳' },
      WORKER,
    )
    expect(renamed.data).toMatchObject({ capacity: 2, signedUp: 2, title: '“小红帽”陪老人晒太阳' })
    // With nobody signed up, the window may move.
    const b = await newActivity(24 * HOUR)
    const moved = await activities<Activity>(
      { ...edit, id: b.id, startAt: b.startAt + HOUR, endAt: b.endAt + HOUR, capacity: 3 },
      WORKER,
    )
    expect(moved.data).toMatchObject({ startAt: b.startAt + HOUR, capacity: 3 })
  })

  it('lets only workers run activities; residents and anonymous callers change nothing', async () => {
    const a = await newActivity(10 * MINUTE)
    await activities({ action: 'signup', id: a.id }, ME)
    const before = await snapshot()
    const workerOnly = [
      {
        action: 'upsert',
        title: '冒名活动',
        location: '某处',
        startAt: a.startAt,
        endAt: a.endAt,
        capacity: 5,
      },
      {
        action: 'upsert',
        id: a.id,
        title: '改名',
        location: a.location,
        startAt: a.startAt,
        endAt: a.endAt,
        capacity: 1,
      },
      { action: 'checkinCode', id: a.id },
      { action: 'attendance', id: a.id },
      { action: 'confirm', id: a.id, openid: ME, minutes: 60 },
    ]
    for (const data of workerOnly) {
      expect(await activities(data, ME)).toMatchObject({ ok: false, code: 'permission-denied' })
      expect(await activities(data, OTHER)).toMatchObject({ ok: false, code: 'permission-denied' })
      expect(await activities(data, VOLUNTEER)).toMatchObject({ ok: false, code: 'permission-denied' })
      expect(await activities(data)).toMatchObject({ ok: false, code: 'unauthenticated' })
    }
    for (const data of [
      { action: 'signup', id: a.id },
      { action: 'cancel', id: a.id },
    ])
      expect(await activities(data)).toMatchObject({ ok: false, code: 'unauthenticated' })
    expect(await activities({ action: 'cancel', id: a.id }, OTHER)).toMatchObject({
      code: 'permission-denied',
    })
    expect(await snapshot()).toEqual(before)
  })

  const valid = () => ({
    action: 'upsert',
    title: '民心河巡河捡垃圾',
    location: '民心河滨河公园',
    startAt: Date.parse('2030-05-01T09:00:00+08:00'),
    endAt: Date.parse('2030-05-01T11:00:00+08:00'),
    capacity: 10,
  })
  it.each([
    [{ capacity: 0 }],
    [{ capacity: 501 }],
    [{ capacity: 2.5 }],
    [{ endAt: Date.parse('2030-05-01T08:00:00+08:00') }],
    [{ endAt: Date.parse('2030-05-01T22:00:00+08:00') }],
    [{ startAt: '明天上午' }],
    [{ pointsPerHour: -1 }],
    [{ status: 'finished' }],
    [{ title: '' }],
    [{ signedUp: 3 }],
    [{ openid: 'someone' }],
  ])('refuses an activity with %j as invalid-argument, in Chinese, and stores nothing', async (change) => {
    const before = await snapshot()
    const res = await activities({ ...valid(), ...change }, WORKER)
    expect(res).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(res.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await snapshot()).toEqual(before)
  })

  it('refuses malformed sign-up, check-in and confirm arguments, and an activity in the past', async () => {
    const a = await newActivity(10 * MINUTE)
    const before = await snapshot()
    for (const data of [
      { action: 'signup' },
      { action: 'signup', id: a.id, openid: OTHER },
      { action: 'checkin', id: a.id, code: '12345' },
      { action: 'checkin', id: a.id, code: 123456 },
      { action: 'checkout', id: a.id },
      { action: 'list', limit: 0 },
      { action: 'list', when: 'tomorrow' },
      { action: 'mine', cursor: 'garbage' },
    ])
      expect(await activities(data, ME)).toMatchObject({ ok: false, code: 'invalid-argument' })
    for (const data of [
      { action: 'confirm', id: a.id, openid: ME, minutes: 0 },
      { action: 'confirm', id: a.id, openid: ME, minutes: 721 },
      { action: 'confirm', id: a.id, minutes: 30 },
      { ...valid(), startAt: (await now()) - 3 * HOUR, endAt: (await now()) - HOUR },
    ])
      expect(await activities(data, WORKER)).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(await snapshot()).toEqual(before)
  })
})
