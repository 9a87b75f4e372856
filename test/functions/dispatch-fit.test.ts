/**
 * What a worker weighs when dispatching a need (user.findPeople with `needId`: skills, same community, open
 * tasks) and what the pool tells a volunteer about where a need is (needs.list `pool`: same community, a coarse
 * distance step), over /fn against the demo seed.
 */
import {
  DISTANCE_CELL_DEG,
  cellCentre,
  distanceBucket,
  type DistanceBucket,
  type Need,
} from '../../types/needs'
import type { Page } from '../../types/envelope'
import { distanceKm, type LatLng } from '../../types/corners'
import type { PersonSummary } from '../../types/user'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import { approvedVolunteer } from '../helpers/people'
import type { Sdk } from '../helpers/sdk'

const WORKER = 'demo-worker-liu'
const RESIDENT = 'demo-resident-li' // 槐中路社区
const ZHANG = 'demo-volunteer-zhang' // 道义街3502社区, 陪伴聊天 · 代买代办 · 助医陪诊
const CHEN = 'demo-volunteer-chen' // 槐中路社区, 家电维修 · 驾驶

/** A place on the map near the district's middle: the need is posted here. */
const PLACE: LatLng = { lat: 38.02874, lng: 114.52268 }

let emu: Emulator
let sdk: Sdk

startEmulatorForFile({ seed: 'none', reset: 'demo', ledger: true }, (started, connected) => {
  emu = started
  sdk = connected
})

const needs = <T = Need>(data: object, openid?: string) => emu.call<T>('needs', data, openid)
const findPeople = (data: object, openid = WORKER) =>
  emu.call<{ items: PersonSummary[] }>('user', { action: 'findPeople', ...data }, openid)

async function openNeed(title = '帮忙取一下快递', location: LatLng | null = PLACE): Promise<string> {
  const created = await needs(
    {
      action: 'create',
      category: 'errand',
      title,
      description: '快递放在小区门口驿站，我腿脚不便，请帮忙送到家里。',
      address: '槐中路社区2栋2单元201',
      contactPhone: '13503110007',
      ...(location ? { location } : {}),
    },
    RESIDENT,
  )
  const id = created.data!.id
  expect((await needs({ action: 'review', id, approve: true }, WORKER)).ok).toBe(true)
  return id
}

/** The volunteers for `needId`, by openid. */
async function fitFor(needId: string, extra: object = {}): Promise<Map<string, PersonSummary>> {
  const res = await findPeople({ role: 'volunteer', needId, ...extra })
  expect(res.ok).toBe(true)
  return new Map(res.data!.items.map((p) => [p.openid, p]))
}

/** The open tasks counted from the records themselves: needs assigned to the person now. */
async function recount(openid: string): Promise<number> {
  const res = await sdk.db
    .collection('needs')
    .where({ 'assignee.openid': openid, status: 'assigned' })
    .count()
  return res.total
}

async function snapshot(): Promise<unknown> {
  const [n, u] = await Promise.all([
    sdk.db.collection('needs').orderBy('_id', 'asc').limit(1000).get(),
    sdk.db.collection('users').orderBy('_id', 'asc').limit(1000).get(),
  ])
  return [n.data, u.data]
}

describe('user.findPeople for a need', () => {
  it('shows each volunteer’s skills, whether they live in the need’s community, and their open tasks, same community first', async () => {
    const id = await openNeed()
    const people = await fitFor(id)
    expect(people.get(CHEN)!.forNeed).toEqual({
      skills: ['家电维修', '驾驶'],
      sameCommunity: true,
      openTasks: await recount(CHEN),
    })
    expect(people.get(ZHANG)!.forNeed).toEqual({
      skills: ['陪伴聊天', '代买代办', '助医陪诊'],
      sameCommunity: false,
      openTasks: await recount(ZHANG),
    })
    const order = [...people.values()]
    const firstOther = order.findIndex((p) => !p.forNeed!.sameCommunity)
    expect(order.slice(firstOther).every((p) => !p.forNeed!.sameCommunity)).toBe(true)
    expect(order[0].openid).toBe(CHEN)
    // The privacy rules of findPeople hold: a masked number only.
    const raw = JSON.stringify([...people.values()])
    const phones = await sdk.db
      .collection('users')
      .where({ _id: sdk._.in([CHEN, ZHANG]) })
      .get()
    for (const u of phones.data as Array<{ phone: string; volunteer: { phone: string } }>) {
      expect(raw).not.toContain(u.phone)
      expect(raw).not.toContain(u.volunteer.phone)
    }
    expect(raw).not.toMatch(/"1[3-9]\d{9}"/)
    expect(order.every((p) => p.volunteerStatus === 'approved')).toBe(true)
  })

  it('counts open tasks exactly through claims, dispatches, releases, completions and cancellations', async () => {
    const base = { zhang: await recount(ZHANG), chen: await recount(CHEN) }
    const probe = await openNeed('用来查看的需求')
    const open = async (who: string) => (await fitFor(probe)).get(who)!.forNeed!.openTasks
    const [a, b, c, d] = [
      await openNeed('一'),
      await openNeed('二'),
      await openNeed('三'),
      await openNeed('四'),
    ]

    await needs({ action: 'claim', id: a }, ZHANG)
    await needs({ action: 'claim', id: b }, ZHANG)
    await needs({ action: 'dispatch', id: c, volunteerOpenid: ZHANG }, WORKER)
    await needs({ action: 'dispatch', id: d, volunteerOpenid: CHEN }, WORKER)
    expect(await open(ZHANG)).toBe(base.zhang + 3)
    expect(await open(CHEN)).toBe(base.chen + 1)

    await needs({ action: 'complete', id: a, minutes: 30 }, ZHANG) // done: no longer open
    expect(await open(ZHANG)).toBe(base.zhang + 2)
    await needs({ action: 'release', id: b }, ZHANG)
    expect(await open(ZHANG)).toBe(base.zhang + 1)
    await needs({ action: 'cancel', id: c, reason: '居民已自行解决' }, WORKER)
    expect(await open(ZHANG)).toBe(base.zhang)
    // Confirming a done need and cancelling a need nobody holds move nothing.
    await needs({ action: 'confirm', id: a, rating: 5 }, RESIDENT)
    await needs({ action: 'cancel', id: b }, RESIDENT)
    expect(await open(ZHANG)).toBe(base.zhang)
    expect(await open(CHEN)).toBe(base.chen + 1)
    expect(await open(ZHANG)).toBe(await recount(ZHANG))
    expect(await open(CHEN)).toBe(await recount(CHEN))
  })

  it('equals a recount after many concurrent claims of many needs by many volunteers', async () => {
    const racers = Array.from({ length: 6 }, (_v, i) => `racer-${i}`)
    await sdk.db.collection('users').add({
      data: racers.map((openid, i) =>
        approvedVolunteer(openid, WORKER, {
          nickname: `接单人${i}`,
          community: i % 2 ? '槐中路社区' : '建华南社区',
          skills: ['代买代办'],
        }),
      ),
    })
    const ids = await Promise.all(Array.from({ length: 8 }, (_v, i) => openNeed(`抢单${i}`)))
    // Every racer tries every need at once: each need has exactly one winner.
    const answers = await Promise.all(
      ids.flatMap((id) => racers.map((r) => needs({ action: 'claim', id }, r).then((a) => ({ r, a })))),
    )
    const won = new Map<string, number>()
    for (const { r, a } of answers) if (a.ok) won.set(r, (won.get(r) ?? 0) + 1)
    expect([...won.values()].reduce((s, n) => s + n, 0)).toBe(ids.length)

    const probe = await openNeed('用来查看的需求')
    const people = await fitFor(probe)
    for (const r of racers) {
      expect(people.get(r)!.forNeed!.openTasks).toBe(won.get(r) ?? 0)
      expect(people.get(r)!.forNeed!.openTasks).toBe(await recount(r))
    }
    // Same community first, and within it fewer open tasks first.
    const list = [...people.values()]
    for (let i = 1; i < list.length; i++) {
      const [p, q] = [list[i - 1].forNeed!, list[i].forNeed!]
      if (p.sameCommunity === q.sameCommunity) expect(p.openTasks).toBeLessThanOrEqual(q.openTasks)
      else expect(p.sameCommunity).toBe(true)
    }
  })

  it('finds same-community volunteers even when more than `limit` others were active more recently', async () => {
    const id = await openNeed()
    // Zhang (another community) was active just now; with limit 1 the need's community still comes first.
    await emu.call('user', { action: 'updateProfile', nickname: '张志愿' }, ZHANG)
    const res = await findPeople({ role: 'volunteer', needId: id, limit: 1 })
    expect(res.data!.items.map((p) => p.openid)).toEqual([CHEN])
    const plain = await findPeople({ role: 'volunteer', limit: 1 })
    expect(plain.data!.items[0].forNeed).toBeUndefined()
  })

  it('refuses a need that does not exist, and a needId without the volunteer role, in Chinese, changing nothing', async () => {
    const id = await openNeed()
    const before = await snapshot()
    const missing = await findPeople({ role: 'volunteer', needId: 'no-such-need' })
    expect(missing).toMatchObject({ ok: false, code: 'not-found', message: '没有找到这个需求，可能已被删除' })
    const notVolunteers = await findPeople({ needId: id })
    expect(notVolunteers).toMatchObject({
      ok: false,
      code: 'invalid-argument',
      message: '为需求派单时只能查找志愿者',
    })
    expect(await findPeople({ role: 'volunteer', needId: '' })).toMatchObject({
      ok: false,
      code: 'invalid-argument',
    })
    expect(await snapshot()).toEqual(before)
  })

  it('is for workers only: a volunteer asking for a need learns nothing', async () => {
    const id = await openNeed()
    const res = await findPeople({ role: 'volunteer', needId: id }, ZHANG)
    expect(res).toMatchObject({ ok: false, code: 'permission-denied' })
    expect(JSON.stringify(res)).not.toContain('家电维修')
  })
})

describe('needs.list pool: points and where', () => {
  const poolOf = async (openid: string, near?: LatLng): Promise<Need[]> => {
    const res = await needs<Page<Need>>({ action: 'list', scope: 'pool', ...(near ? { near } : {}) }, openid)
    expect(res.ok).toBe(true)
    return res.data!.items
  }

  it('tells same community and a coarse distance step, never the place, to a volunteer who gives a location', async () => {
    const id = await openNeed('帮忙换灯泡')
    const km = (bucketOf: LatLng) => distanceKm(bucketOf, cellCentre(PLACE))
    // Points north of the need's cell at 0.5, 2, 4 and 8 km.
    const north = (d: number): LatLng => ({
      lat: cellCentre(PLACE).lat + d / 111.2,
      lng: cellCentre(PLACE).lng,
    })
    const expected: Array<[number, DistanceBucket]> = [
      [0.5, '1km'],
      [2, '3km'],
      [4, '5km'],
      [8, 'far'],
    ]
    for (const [d, bucket] of expected) {
      expect(distanceBucket(north(d), PLACE)).toBe(bucket)
      expect(km(north(d))).toBeCloseTo(d, 1)
      const mine = (await poolOf(CHEN, north(d))).find((n) => n.id === id)!
      expect(mine.nearby).toEqual({ sameCommunity: true, distance: bucket })
      expect(mine.points).toBe(20)
      expect(mine.location).toBeUndefined()
      expect(mine.address).toBeUndefined()
    }
    const other = (await poolOf(ZHANG, north(0.5))).find((n) => n.id === id)!
    expect(other.nearby).toEqual({ sameCommunity: false, distance: '1km' })
  })

  it('answers the same step anywhere inside the need’s grid cell: probing reveals at most the cell', async () => {
    const id = await openNeed('帮忙换灯泡')
    const centre = cellCentre(PLACE)
    // Two needs at opposite corners of one cell answer alike from every probe.
    const corner = (s: number): LatLng => ({
      lat: centre.lat + s * DISTANCE_CELL_DEG * 0.49,
      lng: centre.lng + s * DISTANCE_CELL_DEG * 0.49,
    })
    const twin = await openNeed('帮忙搬花盆', corner(1))
    const other = await openNeed('帮忙修水龙头', corner(-1))
    for (const d of [0.9, 1.1, 2.9, 3.1, 4.9, 5.1]) {
      const probe = { lat: centre.lat, lng: centre.lng + d / 87.6 }
      const pool = await poolOf(CHEN, probe)
      const steps = [id, twin, other].map((n) => pool.find((p) => p.id === n)!.nearby!.distance)
      expect(new Set(steps).size).toBe(1)
    }
  })

  it('still works without a location: same community, no distance; a need without a place has none', async () => {
    const id = await openNeed('帮忙贴春联', null)
    const withPlace = await openNeed('帮忙修门锁')
    const pool = await poolOf(CHEN)
    expect(pool.find((n) => n.id === id)!.nearby).toEqual({ sameCommunity: true, distance: null })
    expect(pool.find((n) => n.id === withPlace)!.nearby).toEqual({ sameCommunity: true, distance: null })
    const located = await poolOf(CHEN, PLACE)
    expect(located.find((n) => n.id === id)!.nearby).toEqual({ sameCommunity: true, distance: null })
  })

  it('a stranger learns nothing new: no pool, and no distance on any other list or on a need', async () => {
    const id = await openNeed()
    for (const who of [RESIDENT, 'never-seen-before', 'demo-merchant-zhou']) {
      const res = await needs({ action: 'list', scope: 'pool', near: PLACE }, who)
      expect(res).toMatchObject({ ok: false, code: 'permission-denied' })
    }
    const mine = await needs<Page<Need>>({ action: 'list', scope: 'mine' }, RESIDENT)
    expect(mine.data!.items.every((n) => n.nearby === undefined)).toBe(true)
    const got = await needs({ action: 'get', id }, ZHANG)
    expect(got.data!.nearby).toBeUndefined()
    // Asking another list for distances is a mistake, said in Chinese.
    const wrong = await needs({ action: 'list', scope: 'mine', near: PLACE }, RESIDENT)
    expect(wrong).toMatchObject({
      ok: false,
      code: 'invalid-argument',
      message: '只有需求大厅可以按距离显示',
    })
  })

  it('refuses a location that is not one, in Chinese, changing nothing', async () => {
    await openNeed()
    const before = await snapshot()
    for (const near of [
      { lat: 91, lng: 0 },
      { lat: 38 },
      { lat: '38', lng: 114 },
      { lat: 38, lng: 114, x: 1 },
    ]) {
      const res = await needs({ action: 'list', scope: 'pool', near }, CHEN)
      expect(res).toMatchObject({ ok: false, code: 'invalid-argument' })
      expect(res.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(await snapshot()).toEqual(before)
  })
})
