/**
 * The `needs` function over /fn: the whole life of a need, its state machine, the races it must survive,
 * who sees an address or a phone number, and the content check.
 */
import { RELEASE_LIMIT, RELEASE_WINDOW_MS, type Need } from '../../types/needs'
import type { Page } from '../../types/envelope'
import type { PointsSummaryFull } from '../../types/points'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import { approvedVolunteer } from '../helpers/people'
import type { Sdk } from '../helpers/sdk'

const WORKER = 'demo-worker-liu'
const RESIDENT = 'demo-resident-li'
const VOLUNTEER = 'demo-volunteer-zhang'
const OTHER_VOLUNTEER = 'demo-volunteer-chen'

let emu: Emulator
let sdk: Sdk

startEmulatorForFile({ seed: 'none', reset: 'demo', ledger: true }, (started, connected) => {
  emu = started
  sdk = connected
})

const needs = <T = Need>(data: object, openid?: string) => emu.call<T>('needs', data, openid)
const balance = async (openid: string) =>
  (await emu.call<PointsSummaryFull>('points', { action: 'summary' }, openid)).data!.balance

const NEW_NEED = {
  action: 'create',
  category: 'errand',
  title: '帮忙取一下快递',
  description: '快递放在小区门口驿站，我腿脚不便，请帮忙送到家里。',
  address: '槐中路社区2栋2单元201',
  contactPhone: '13503110007',
  preferredTime: '今天傍晚',
}

async function needIn(status: 'pending' | 'open' | 'assigned' | 'done' | 'confirmed'): Promise<string> {
  const id = (await needs(NEW_NEED, RESIDENT)).data!.id
  if (status === 'pending') return id
  await needs({ action: 'review', id, approve: true }, WORKER)
  if (status === 'open') return id
  await needs({ action: 'claim', id }, VOLUNTEER)
  if (status === 'assigned') return id
  await needs({ action: 'complete', id, minutes: 30 }, VOLUNTEER)
  if (status === 'done') return id
  await needs({ action: 'confirm', id, rating: 4 }, RESIDENT)
  return id
}

async function stateSnapshot(): Promise<unknown> {
  const [n, l] = await Promise.all([
    sdk.db.collection('needs').orderBy('_id', 'asc').limit(1000).get(),
    sdk.db.collection('ledger').orderBy('_id', 'asc').limit(1000).get(),
  ])
  return [n.data, l.data]
}

it('walks the whole life: post, approve, claim, complete, confirm with 5 stars, points credited once', async () => {
  const before = await balance(VOLUNTEER)
  const created = await needs(NEW_NEED, RESIDENT)
  expect(created.data).toMatchObject({
    status: 'pending',
    requester: { openid: RESIDENT },
    address: NEW_NEED.address,
  })
  const id = created.data!.id
  expect((await needs({ action: 'review', id, approve: true }, WORKER)).data).toMatchObject({
    status: 'open',
    points: 20,
  })
  expect((await needs({ action: 'claim', id }, VOLUNTEER)).data).toMatchObject({
    status: 'assigned',
    assignee: { openid: VOLUNTEER },
  })
  expect(
    (await needs({ action: 'complete', id, minutes: 40, note: '已送到' }, VOLUNTEER)).data,
  ).toMatchObject({
    status: 'done',
    minutes: 40,
  })
  const confirmed = await needs({ action: 'confirm', id, rating: 5, comment: '谢谢小张！' }, RESIDENT)
  expect(confirmed.data).toMatchObject({ status: 'confirmed', rating: 5, comment: '谢谢小张！' })
  expect((await balance(VOLUNTEER)) - before).toBe(20 + 10)
  const told = (await emu.outbox())
    .filter((m) => m.payload.touser === RESIDENT)
    .map((m) => (m.payload.data as { phrase2: { value: string } }).phrase2.value)
  expect(told).toEqual(['待接单', '服务中', '待确认'])
})

it('lets exactly one of 30 racing volunteers claim a need; the rest get failed-precondition', async () => {
  const id = await needIn('open')
  const racers = Array.from({ length: 30 }, (_v, i) => `racer-${i}`)
  await sdk.db.collection('users').add({ data: racers.map((openid) => approvedVolunteer(openid, WORKER)) })
  const answers = await Promise.all(racers.map((r) => needs({ action: 'claim', id }, r)))
  const winners = answers.filter((a) => a.ok)
  expect(winners).toHaveLength(1)
  expect(answers.filter((a) => !a.ok).every((a) => a.code === 'failed-precondition')).toBe(true)
  const stored = (await sdk.db.collection('needs').doc(id).get()).data
  expect(stored.assignee.openid).toBe(winners[0].data!.assignee!.openid)
})

it('credits once however many confirmations race, from the requester and a worker', async () => {
  const id = await needIn('done')
  const before = await balance(VOLUNTEER)
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_v, i) =>
      needs({ action: 'confirm', id, rating: 3 }, i % 2 ? RESIDENT : WORKER),
    ),
  )
  expect(answers.filter((a) => a.ok)).toHaveLength(1)
  expect(answers.filter((a) => !a.ok).every((a) => a.code === 'failed-precondition')).toBe(true)
  expect((await balance(VOLUNTEER)) - before).toBe(22)
  const entries = (await sdk.db.collection('ledger').where({ refId: id }).get()).data
  expect(entries).toHaveLength(1)
})

describe('the state machine', () => {
  const cases: Array<
    [string, 'pending' | 'open' | 'assigned' | 'done' | 'confirmed', object, string, string]
  > = [
    ['review of an open need', 'open', { action: 'review', approve: true }, WORKER, 'failed-precondition'],
    ['claim of a pending need', 'pending', { action: 'claim' }, VOLUNTEER, 'failed-precondition'],
    ['claim of an assigned need', 'assigned', { action: 'claim' }, OTHER_VOLUNTEER, 'failed-precondition'],
    ['claim by a resident', 'open', { action: 'claim' }, 'demo-resident-wang', 'permission-denied'],
    [
      'complete by someone else',
      'assigned',
      { action: 'complete', minutes: 10 },
      OTHER_VOLUNTEER,
      'permission-denied',
    ],
    ['complete of an open need', 'open', { action: 'complete', minutes: 10 }, VOLUNTEER, 'permission-denied'],
    ['release by someone else', 'assigned', { action: 'release' }, OTHER_VOLUNTEER, 'permission-denied'],
    ['confirm before done', 'assigned', { action: 'confirm', rating: 5 }, RESIDENT, 'failed-precondition'],
    ['confirm by the volunteer', 'done', { action: 'confirm', rating: 5 }, VOLUNTEER, 'permission-denied'],
    ['confirm twice', 'confirmed', { action: 'confirm', rating: 5 }, RESIDENT, 'failed-precondition'],
    [
      'cancel of an assigned need by its requester',
      'assigned',
      { action: 'cancel' },
      RESIDENT,
      'failed-precondition',
    ],
    [
      'cancel of a confirmed need by a worker',
      'confirmed',
      { action: 'cancel' },
      WORKER,
      'failed-precondition',
    ],
    ['cancel by a stranger', 'open', { action: 'cancel' }, 'demo-resident-wang', 'permission-denied'],
    [
      'dispatch of an assigned need',
      'assigned',
      { action: 'dispatch', volunteerOpenid: OTHER_VOLUNTEER },
      WORKER,
      'failed-precondition',
    ],
    [
      'dispatch to a resident',
      'open',
      { action: 'dispatch', volunteerOpenid: 'demo-resident-wang' },
      WORKER,
      'failed-precondition',
    ],
    [
      'dispatch by a volunteer',
      'open',
      { action: 'dispatch', volunteerOpenid: OTHER_VOLUNTEER },
      VOLUNTEER,
      'permission-denied',
    ],
    ['a need that does not exist', 'open', { action: 'get', id: 'no-such-need' }, WORKER, 'not-found'],
  ]
  it.each(cases)(
    'refuses %s with the right code and changes nothing',
    async (_name, status, call, who, code) => {
      const id = await needIn(status)
      const before = await stateSnapshot()
      const res = await needs({ id, ...call }, who)
      expect(res).toMatchObject({ ok: false, code })
      expect(res.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(await stateSnapshot()).toEqual(before)
    },
  )

  it('lets the assignee release a need back to the pool and a worker dispatch it to another volunteer', async () => {
    const id = await needIn('assigned')
    expect((await needs({ action: 'release', id }, VOLUNTEER)).data).toMatchObject({
      status: 'open',
      assignee: null,
    })
    const dispatched = await needs({ action: 'dispatch', id, volunteerOpenid: OTHER_VOLUNTEER }, WORKER)
    expect(dispatched.data).toMatchObject({ status: 'assigned', assignee: { openid: OTHER_VOLUNTEER } })
    const last = (await emu.outbox()).find((m) => m.payload.touser === OTHER_VOLUNTEER)
    expect(last?.payload.templateId).toBe('local-need-dispatch')
    expect(JSON.stringify(last)).not.toContain(NEW_NEED.address)
  })

  it('lets workers cancel a need in progress, and requesters cancel their own before anyone works on it', async () => {
    const a = await needIn('assigned')
    expect((await needs({ action: 'cancel', id: a, reason: '老人已住院' }, WORKER)).data).toMatchObject({
      status: 'cancelled',
      cancelReason: '老人已住院',
    })
    const b = await needIn('open')
    expect((await needs({ action: 'cancel', id: b }, RESIDENT)).data?.status).toBe('cancelled')
  })

  it('refuses a rejection without a reason, and records the reason of one', async () => {
    const id = await needIn('pending')
    expect(await needs({ action: 'review', id, approve: false }, WORKER)).toMatchObject({
      code: 'invalid-argument',
    })
    const res = await needs({ action: 'review', id, approve: false, reason: '请直接联系物业' }, WORKER)
    expect(res.data).toMatchObject({ status: 'rejected', rejectReason: '请直接联系物业' })
  })
})

describe('claim and release', () => {
  const claimAndRelease = async (who = VOLUNTEER) => {
    const id = await needIn('open')
    expect(await needs({ action: 'claim', id }, who)).toMatchObject({ ok: true })
    expect(await needs({ action: 'release', id }, who)).toMatchObject({ ok: true, data: { status: 'open' } })
    return id
  }

  it(`stops a volunteer who released ${RELEASE_LIMIT} needs in 7 days from claiming, saying why and whom to ask, until a worker dispatches one to them`, async () => {
    for (let i = 0; i < RELEASE_LIMIT; i++) await claimAndRelease()
    const id = await needIn('open')
    const before = await stateSnapshot()
    const refused = await needs({ action: 'claim', id }, VOLUNTEER)
    expect(refused).toMatchObject({ ok: false, code: 'failed-precondition' })
    expect(refused.message).toContain(`${RELEASE_LIMIT}`)
    expect(refused.message).toContain('社工')
    expect(await stateSnapshot()).toEqual(before)
    // Another volunteer is not affected.
    expect(await needs({ action: 'claim', id }, OTHER_VOLUNTEER)).toMatchObject({ ok: true })
    // A worker dispatches one to them: they may claim again.
    const dispatched = await needIn('open')
    expect(
      await needs({ action: 'dispatch', id: dispatched, volunteerOpenid: VOLUNTEER }, WORKER),
    ).toMatchObject({ ok: true })
    expect(await needs({ action: 'claim', id: await needIn('open') }, VOLUNTEER)).toMatchObject({ ok: true })
  })

  it('counts releases over 7 days: once the oldest is 7 days old, one more claim is allowed', async () => {
    await claimAndRelease()
    await emu.advanceClock(RELEASE_WINDOW_MS / 2)
    for (let i = 1; i < RELEASE_LIMIT; i++) await claimAndRelease()
    expect(await needs({ action: 'claim', id: await needIn('open') }, VOLUNTEER)).toMatchObject({
      code: 'failed-precondition',
    })
    await emu.advanceClock(RELEASE_WINDOW_MS / 2 + 60_000)
    expect(await needs({ action: 'claim', id: await needIn('open') }, VOLUNTEER)).toMatchObject({ ok: true })
  })

  it('tells the requester of each release, and shows it in the need’s history to workers only', async () => {
    const id = await claimAndRelease()
    const told = (await emu.outbox()).filter((m) => m.payload.touser === RESIDENT)
    expect(JSON.stringify(told.at(-1))).toContain('放弃')
    const forWorker = await needs({ action: 'get', id }, WORKER)
    expect(forWorker.data!.releases).toEqual([
      { openid: VOLUNTEER, nickname: '张桂芹', at: expect.any(Number) },
    ])
    for (const who of [RESIDENT, OTHER_VOLUNTEER]) {
      const seen = await needs({ action: 'get', id }, who)
      expect(seen.ok).toBe(true)
      expect(seen.data!.releases).toBeUndefined()
    }
  })
})

describe('privacy', () => {
  it('never shows the address or phone to a volunteer who is not the assignee, in any answer', async () => {
    const id = await needIn('open')
    const seen: unknown[] = []
    seen.push(await needs({ action: 'get', id }, OTHER_VOLUNTEER))
    seen.push(await needs<Page<Need>>({ action: 'list', scope: 'pool' }, OTHER_VOLUNTEER))
    await needs({ action: 'claim', id }, VOLUNTEER)
    seen.push(await needs({ action: 'get', id }, OTHER_VOLUNTEER))
    seen.push(await needs({ action: 'claim', id }, OTHER_VOLUNTEER))
    seen.push(await needs<Page<Need>>({ action: 'list', scope: 'assigned' }, OTHER_VOLUNTEER))
    const text = JSON.stringify(seen)
    expect(text).not.toContain(NEW_NEED.address)
    expect(text).not.toContain(NEW_NEED.contactPhone)
    expect(text).toContain('135****0007')
  })

  it('shows them to the assignee while the job is active, and no longer once it is confirmed', async () => {
    const id = await needIn('assigned')
    expect((await needs({ action: 'get', id }, VOLUNTEER)).data).toMatchObject({
      address: NEW_NEED.address,
      contactPhone: NEW_NEED.contactPhone,
    })
    await needs({ action: 'complete', id, minutes: 20 }, VOLUNTEER)
    expect((await needs({ action: 'get', id }, VOLUNTEER)).data?.address).toBe(NEW_NEED.address)
    await needs({ action: 'confirm', id, rating: 5 }, RESIDENT)
    const after = (await needs({ action: 'get', id }, VOLUNTEER)).data!
    expect(after.address).toBeUndefined()
    expect(after.contactPhone).toBeUndefined()
  })

  it('keeps the place picked on the map and shows it only with the address: requester, workers, the assignee while serving', async () => {
    const place = { lat: 38.023456, lng: 114.534567 }
    const posted = await needs({ ...NEW_NEED, location: place }, RESIDENT)
    expect(posted.data).toMatchObject({ address: NEW_NEED.address, location: place })
    const id = posted.data!.id
    await needs({ action: 'review', id, approve: true }, WORKER)
    const placeText = String(place.lat)
    const seenByOthers = JSON.stringify([
      await needs({ action: 'get', id }, OTHER_VOLUNTEER),
      await needs<Page<Need>>({ action: 'list', scope: 'pool' }, OTHER_VOLUNTEER),
    ])
    expect(seenByOthers).not.toContain(placeText)
    expect(seenByOthers).not.toContain('"location"')
    expect((await needs({ action: 'get', id }, WORKER)).data?.location).toEqual(place)
    await needs({ action: 'claim', id }, VOLUNTEER)
    expect((await needs({ action: 'get', id }, VOLUNTEER)).data?.location).toEqual(place)
    expect(JSON.stringify(await needs({ action: 'get', id }, OTHER_VOLUNTEER))).not.toContain(placeText)
    // A need posted without a place answers null to those who see the address.
    const plain = (await needs(NEW_NEED, RESIDENT)).data!
    expect(plain.location).toBeNull()
  })

  it('lets a volunteer open only open needs, not others’ pending or assigned ones', async () => {
    const pending = await needIn('pending')
    expect(await needs({ action: 'get', id: pending }, OTHER_VOLUNTEER)).toMatchObject({
      code: 'permission-denied',
    })
    expect(await needs({ action: 'list', scope: 'review' }, OTHER_VOLUNTEER)).toMatchObject({
      code: 'permission-denied',
    })
    expect(await needs({ action: 'list', scope: 'pool' }, 'demo-resident-wang')).toMatchObject({
      code: 'permission-denied',
    })
  })
})

describe('input and identity', () => {
  it('refuses risky text and stores nothing', async () => {
    const before = await stateSnapshot()
    const res = await needs({ ...NEW_NEED, description: '有人想一起去赌博吗' }, RESIDENT)
    expect(res).toMatchObject({ ok: false, code: 'content-rejected' })
    expect(await stateSnapshot()).toEqual(before)
  })

  it.each([
    [{ category: 'weather' }],
    [{ title: '' }],
    [{ title: '长'.repeat(51) }],
    [{ contactPhone: '12345' }],
    [{ urgency: 'very' }],
    [{ location: { lat: 91, lng: 114.5 } }],
    [{ location: { lat: '38', lng: 114.5 } }],
    [{ location: { lat: 38, lng: 114.5, name: '家' } }],
    [{ requester: { openid: WORKER } }],
    [{ status: 'open' }],
    [{ _openid: WORKER }],
  ])('refuses %p with invalid-argument and stores nothing', async (bad) => {
    const before = await stateSnapshot()
    expect(await needs({ ...NEW_NEED, ...bad }, RESIDENT)).toMatchObject({
      ok: false,
      code: 'invalid-argument',
    })
    expect(await stateSnapshot()).toEqual(before)
  })

  it('lets only workers post on behalf of an elderly resident, who then confirm for them', async () => {
    expect(await needs({ ...NEW_NEED, onBehalfOf: { name: '刘凤琴' } }, RESIDENT)).toMatchObject({
      code: 'permission-denied',
    })
    const res = await needs({ ...NEW_NEED, onBehalfOf: { name: '刘凤琴' } }, WORKER)
    expect(res.data).toMatchObject({ onBehalfOf: { name: '刘凤琴' }, requester: { openid: WORKER } })
  })

  it('pages the pool newest first with a category filter', async () => {
    for (let i = 0; i < 5; i++) {
      const id = (
        await needs({ ...NEW_NEED, title: `求助${i}`, category: i % 2 ? 'repair' : 'errand' }, RESIDENT)
      ).data!.id
      await needs({ action: 'review', id, approve: true }, WORKER)
    }
    const repair = await needs<Page<Need>>({ action: 'list', scope: 'pool', category: 'repair' }, VOLUNTEER)
    expect(repair.data!.items.every((n) => n.category === 'repair' && n.status === 'open')).toBe(true)
    const first = await needs<Page<Need>>({ action: 'list', scope: 'pool', limit: 2 }, VOLUNTEER)
    const second = await needs<Page<Need>>(
      { action: 'list', scope: 'pool', limit: 2, cursor: first.data!.nextCursor },
      VOLUNTEER,
    )
    const ids = [...first.data!.items, ...second.data!.items].map((n) => n.id)
    expect(new Set(ids).size).toBe(4)
    expect(first.data!.items[0].createdAt).toBeGreaterThanOrEqual(first.data!.items[1].createdAt)
  })
})
