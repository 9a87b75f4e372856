/**
 * The `corners` function over /fn: nearest-first listing with distances measured on the great circle,
 * corners with their active projects and a projectCount that stays right as projects move, archive and
 * come back, paged project lists, workers-only upserts and input that is refused without a trace. Also
 * the schedule helpers the pages use (next session, one-line description).
 */
import type { Activity } from '../../types/activities'
import {
  describeSchedule,
  nextSession,
  type Corner,
  type CornerDetail,
  type Project,
  type ProjectDetail,
} from '../../types/corners'
import type { Page } from '../../types/envelope'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import type { Sdk } from '../helpers/sdk'

const WORKER = 'test-worker'
const DEMO_WORKER = 'demo-worker-liu'
const RESIDENT = 'test-resident'

let emu: Emulator
let sdk: Sdk

startEmulatorForFile({ seed: 'none', adminOpenids: [WORKER], reset: 'none' }, (started, connected) => {
  emu = started
  sdk = connected
})

const corners = <T>(data: object, openid?: string) => emu.call<T>('corners', data, openid)

/**
 * Great-circle distance computed another way than the function does (the angle between unit vectors,
 * by atan2 of the cross and dot products), with the same mean Earth radius.
 */
function expectedKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const v = (p: { lat: number; lng: number }) => {
    const la = (p.lat * Math.PI) / 180
    const lo = (p.lng * Math.PI) / 180
    return [Math.cos(la) * Math.cos(lo), Math.cos(la) * Math.sin(lo), Math.sin(la)]
  }
  const [x1, y1, z1] = v(a)
  const [x2, y2, z2] = v(b)
  const cross = Math.hypot(y1 * z2 - z1 * y2, z1 * x2 - x1 * z2, x1 * y2 - y1 * x2)
  const dot = x1 * x2 + y1 * y2 + z1 * z2
  return 6371.0088 * Math.atan2(cross, dot)
}

const SCHEDULE = { weekdays: [6, 0], start: '09:00', end: '11:30', note: '节假日照常' }

async function addCorner(name: string, lat: number, lng: number, kind: 'park' | 'mall' = 'park') {
  const res = await corners<Corner>(
    { action: 'upsert', name, kind, address: `${name}门口`, location: { lat, lng }, schedule: SCHEDULE },
    WORKER,
  )
  expect(res).toMatchObject({ ok: true })
  return res.data!
}

const PROJECT = {
  action: 'upsertProject',
  title: '“爱心小红帽”困境老人关爱行动',
  org: '裕华区德仁社会工作事业发展中心',
  category: 'elderly',
  summary: '戴上小红帽，为困境老人送去温暖',
  description: '志愿者定期上门探访困境老人。',
}

async function snapshot(): Promise<unknown> {
  const read = async (name: string) =>
    (await sdk.db.collection(name).orderBy('_id', 'asc').limit(1000).get()).data
  return [await read('corners'), await read('projects')]
}

describe('nearest first', () => {
  it('orders a handful of known coordinates nearest first, with great-circle distances', async () => {
    // Around 裕华区, plus places where flat-earth arithmetic goes wrong: across the antimeridian, near a pole.
    const places: Array<[string, number, number]> = [
      ['世纪公园', 38.0215, 114.542],
      ['裕彤体育公园', 38.0105, 114.5345],
      ['天山海世界', 38.0368, 114.575],
      ['赤道东', 0, 179.5],
      ['北极附近', 89.5, 114.5],
    ]
    for (const [name, lat, lng] of places) await addCorner(name, lat, lng)

    for (const near of [
      { lat: 38.02, lng: 114.53 },
      { lat: 0, lng: -179.5 },
      { lat: 89.9, lng: -65.5 },
    ]) {
      const res = await corners<{ items: Corner[] }>({ action: 'list', near })
      const expected = places
        .map(([name, lat, lng]) => ({ name, km: expectedKm(near, { lat, lng }) }))
        .sort((a, b) => a.km - b.km)
      expect(res.data!.items.map((c) => c.name)).toEqual(expected.map((e) => e.name))
      res.data!.items.forEach((c, i) => expect(c.distanceKm).toBeCloseTo(expected[i].km, 1))
    }
  })

  it('measures one degree of longitude on the equator as 111.2 km (2πR/360), the same across the antimeridian', async () => {
    await addCorner('东', 0, 180)
    await addCorner('西', 0, -179)
    const east = await corners<{ items: Corner[] }>({ action: 'list', near: { lat: 0, lng: 179 } })
    expect(east.data!.items.map((c) => [c.name, c.distanceKm])).toEqual([
      ['东', 111.2],
      ['西', 222.39],
    ])
  })

  it('lists the 15 demo corners — 10 parks and 5 商圈 — nearest first from a point in 裕华区', async () => {
    await emu.reset('demo')
    const near = { lat: 38.03, lng: 114.55 }
    const res = await corners<{ items: Corner[] }>({ action: 'list', near })
    const items = res.data!.items
    expect(items).toHaveLength(15)
    expect(items.filter((c) => c.kind === 'park')).toHaveLength(10)
    expect(items.filter((c) => c.kind === 'mall')).toHaveLength(5)
    const km = items.map((c) => expectedKm(near, c.location))
    expect([...km].sort((a, b) => a - b)).toEqual(km)
    items.forEach((c, i) => expect(c.distanceKm).toBeCloseTo(km[i], 1))
    for (const c of items) {
      expect(c.location.lat).toBeGreaterThanOrEqual(38)
      expect(c.location.lat).toBeLessThanOrEqual(38.05)
      expect(c.location.lng).toBeGreaterThanOrEqual(114.5)
      expect(c.location.lng).toBeLessThanOrEqual(114.58)
    }
    const malls = await corners<{ items: Corner[] }>({ action: 'list', kind: 'mall' })
    expect(malls.data!.items.map((c) => c.kind)).toEqual(Array(5).fill('mall'))
    expect(malls.data!.items.every((c) => c.distanceKm === undefined)).toBe(true)
  })
})

describe('corners and their projects', () => {
  it('shows about 20 active projects at each demo corner, and projectCount says how many', async () => {
    await emu.reset('demo')
    const list = (await corners<{ items: Corner[] }>({ action: 'list' })).data!.items
    for (const corner of list) {
      const detail = (await corners<CornerDetail>({ action: 'get', id: corner.id })).data!
      expect(detail.projects.length).toBe(corner.projectCount)
      expect(detail.projects.length).toBeGreaterThanOrEqual(18)
      expect(detail.projects.length).toBeLessThanOrEqual(22)
      expect(detail.projects.every((p) => p.status === 'active' && p.cornerIds.includes(corner.id))).toBe(
        true,
      )
      const titles = detail.projects.map((p) => p.title)
      expect(titles).toEqual(expect.arrayContaining(['“暖心小棉袄”计生家庭关爱行动', '益短拍', '石门百景']))
    }
  })

  it('keeps projectCount right as a project moves between corners, is archived and is shown again', async () => {
    const [a, b, c] = [
      await addCorner('甲', 38.01, 114.51),
      await addCorner('乙', 38.02, 114.52),
      await addCorner('丙', 38.03, 114.53, 'mall'),
    ]
    const count = async () => {
      const items = (await corners<{ items: Corner[] }>({ action: 'list' })).data!.items
      return Object.fromEntries(items.map((x) => [x.name, x.projectCount]))
    }
    const created = await corners<Project>({ ...PROJECT, cornerIds: [a.id, b.id] }, WORKER)
    expect(created.data).toMatchObject({ status: 'active', cornerIds: [a.id, b.id] })
    const id = created.data!.id
    expect(await count()).toEqual({ 甲: 1, 乙: 1, 丙: 0 })

    await corners({ ...PROJECT, id, cornerIds: [b.id, c.id] }, WORKER)
    expect(await count()).toEqual({ 甲: 0, 乙: 1, 丙: 1 })
    await corners({ ...PROJECT, id, cornerIds: [b.id, c.id], status: 'archived' }, WORKER)
    expect(await count()).toEqual({ 甲: 0, 乙: 0, 丙: 0 })
    expect((await corners<CornerDetail>({ action: 'get', id: b.id })).data!.projects).toEqual([])
    const archived = await corners<Page<Project>>({ action: 'listProjects', status: 'archived' })
    expect(archived.data!.items.map((p) => p.id)).toEqual([id])

    await corners({ ...PROJECT, id, cornerIds: [a.id, b.id, c.id], status: 'active' }, WORKER)
    expect(await count()).toEqual({ 甲: 1, 乙: 1, 丙: 1 })
    // Many upserts at once still leave every count equal to the projects shown.
    await Promise.all(
      Array.from({ length: 12 }, (_v, i) =>
        corners({ ...PROJECT, title: `项目${i}`, cornerIds: i % 2 ? [a.id, c.id] : [b.id, c.id] }, WORKER),
      ),
    )
    expect(await count()).toEqual({ 甲: 7, 乙: 7, 丙: 13 })
  })

  it('pages a corner’s projects newest first, each once, narrowed by category', async () => {
    await emu.reset('demo')
    const corner = (await corners<{ items: Corner[] }>({ action: 'list' })).data!.items[0]
    const seen: Project[] = []
    let cursor: string | undefined
    do {
      const page = await corners<Page<Project>>({
        action: 'listProjects',
        cornerId: corner.id,
        limit: 7,
        ...(cursor ? { cursor } : {}),
      })
      seen.push(...page.data!.items)
      cursor = page.data!.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toHaveLength(corner.projectCount)
    expect(new Set(seen.map((p) => p.id)).size).toBe(seen.length)
    const times = seen.map((p) => p.updatedAt)
    expect([...times].sort((x, y) => y - x)).toEqual(times)
    const elderly = await corners<Page<Project>>({
      action: 'listProjects',
      cornerId: corner.id,
      category: 'elderly',
    })
    expect(elderly.data!.items.length).toBeGreaterThan(0)
    expect(elderly.data!.items.map((p) => p.id).sort()).toEqual(
      seen
        .filter((p) => p.category === 'elderly')
        .map((p) => p.id)
        .sort(),
    )
    const all = await corners<Page<Project>>({ action: 'listProjects', limit: 20 })
    expect(all.data!.items).toHaveLength(20)
    expect(all.data!.nextCursor).not.toBeNull()
  })

  it('shows a project with its activities that have not ended, soonest first, without cancelled ones', async () => {
    await emu.reset('demo')
    const now = await emu.advanceClock(0)
    const detail = await corners<ProjectDetail>({ action: 'getProject', id: 'project-xiaohongmao' })
    expect(detail.data!.project).toMatchObject({ title: '“爱心小红帽”困境老人关爱行动', status: 'active' })
    const acts: Activity[] = detail.data!.activities
    expect(acts.length).toBeGreaterThanOrEqual(2)
    expect(
      acts.every((a) => a.endAt > now && a.status !== 'cancelled' && a.projectId === 'project-xiaohongmao'),
    ).toBe(true)
    const starts = acts.map((a) => a.startAt)
    expect([...starts].sort((x, y) => x - y)).toEqual(starts)
    const missing = await corners({ action: 'getProject', id: 'no-such-project' })
    expect(missing).toMatchObject({ ok: false, code: 'not-found' })
  })
})

describe('who may change what, and bad input', () => {
  it('lets only workers upsert corners and projects; others change nothing', async () => {
    await emu.reset('demo')
    const before = await snapshot()
    const corner = {
      action: 'upsert',
      name: '新公益角',
      kind: 'park',
      address: '裕华区',
      location: { lat: 38.02, lng: 114.53 },
      schedule: SCHEDULE,
    }
    const project = { ...PROJECT, cornerIds: ['corner-shiji-park'] }
    for (const data of [corner, project, { ...project, id: 'project-xiaohongmao', status: 'archived' }]) {
      expect(await corners(data, RESIDENT)).toMatchObject({ ok: false, code: 'permission-denied' })
      expect(await corners(data, 'demo-volunteer-zhang')).toMatchObject({
        ok: false,
        code: 'permission-denied',
      })
      expect(await corners(data)).toMatchObject({ ok: false, code: 'unauthenticated' })
    }
    expect(await snapshot()).toEqual(before)
    // The demo's own worker (a stored role, not ADMIN_OPENIDS) may.
    expect(await corners(project, DEMO_WORKER)).toMatchObject({ ok: true })
  })

  const good = {
    action: 'upsert',
    name: '世纪公园',
    kind: 'park',
    address: '裕华区槐安东路',
    location: { lat: 38.02, lng: 114.54 },
    schedule: SCHEDULE,
  }
  it.each([
    [{ location: { lat: 91, lng: 114.5 } }],
    [{ location: { lat: 38, lng: 'east' } }],
    [{ location: { lat: 38 } }],
    [{ kind: 'square' }],
    [{ name: '' }],
    [{ schedule: { ...SCHEDULE, weekdays: [7] } }],
    [{ schedule: { ...SCHEDULE, weekdays: [6, 6] } }],
    [{ schedule: { ...SCHEDULE, weekdays: [] } }],
    [{ schedule: { ...SCHEDULE, start: '9:00' } }],
    [{ schedule: { ...SCHEDULE, start: '12:00', end: '11:00' } }],
    [{ projectCount: 99 }],
    [{ _openid: 'someone-else' }],
  ])('refuses a corner with %j as invalid-argument, in Chinese, and stores nothing', async (change) => {
    const res = await corners<Corner>({ ...good, ...change }, WORKER)
    expect(res).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(res.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await snapshot()).toEqual([[], []])
  })

  it.each([
    [{ cornerIds: [] }],
    [{ cornerIds: ['a', 'a'] }],
    [{ category: 'sports' }],
    [{ title: '长'.repeat(41) }],
    [{ status: 'deleted' }],
  ])('refuses a project with %j as invalid-argument and stores nothing', async (change) => {
    const corner = await addCorner('甲', 38.01, 114.51)
    const before = await snapshot()
    const res = await corners({ ...PROJECT, cornerIds: [corner.id], ...change }, WORKER)
    expect(res).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a project at a corner that does not exist, and a list with bad arguments', async () => {
    const corner = await addCorner('甲', 38.01, 114.51)
    const before = await snapshot()
    expect(await corners({ ...PROJECT, cornerIds: [corner.id, 'nowhere'] }, WORKER)).toMatchObject({
      ok: false,
      code: 'not-found',
    })
    expect(
      await corners({ ...PROJECT, id: 'no-such-project', cornerIds: [corner.id] }, WORKER),
    ).toMatchObject({
      ok: false,
      code: 'not-found',
    })
    expect(await snapshot()).toEqual(before)
    for (const bad of [
      { action: 'list', near: { lat: 'north', lng: 114 } },
      { action: 'list', kind: 'square' },
      { action: 'listProjects', limit: 21 },
      { action: 'listProjects', cursor: 'not-a-cursor' },
      { action: 'get' },
      { action: 'teleport' },
    ])
      expect(await corners(bad)).toMatchObject({ ok: false, code: 'invalid-argument' })
  })
})

describe('schedule helpers', () => {
  const at = (iso: string) => Date.parse(iso)
  const weekend = { weekdays: [6, 0], start: '09:00', end: '11:30' }

  it('finds the session in progress, or else the next one, in Shanghai time', () => {
    // 2025-11-21 is a Friday.
    expect(nextSession(weekend, at('2025-11-21T20:00:00+08:00'))).toEqual({
      startAt: at('2025-11-22T09:00:00+08:00'),
      endAt: at('2025-11-22T11:30:00+08:00'),
      ongoing: false,
    })
    expect(nextSession(weekend, at('2025-11-22T10:00:00+08:00'))).toMatchObject({
      startAt: at('2025-11-22T09:00:00+08:00'),
      ongoing: true,
    })
    expect(nextSession(weekend, at('2025-11-22T11:30:00+08:00'))).toMatchObject({
      startAt: at('2025-11-23T09:00:00+08:00'),
    })
    // Sunday after the session: the next Saturday; early on a Saturday morning UTC is still Saturday here.
    expect(nextSession(weekend, at('2025-11-23T12:00:00+08:00'))).toMatchObject({
      startAt: at('2025-11-29T09:00:00+08:00'),
    })
    expect(
      nextSession({ weekdays: [3], start: '00:30', end: '01:00' }, at('2025-11-18T16:10:00Z')),
    ).toMatchObject({
      startAt: at('2025-11-19T00:30:00+08:00'),
    })
  })

  it('says a schedule in one line', () => {
    expect(describeSchedule(weekend)).toBe('每周六、周日 09:00-11:30')
    expect(describeSchedule({ weekdays: [5, 1, 2, 3, 4], start: '18:30', end: '20:30' })).toBe(
      '每周一至周五 18:30-20:30',
    )
    expect(describeSchedule({ weekdays: [0, 1, 2, 3, 4, 5, 6], start: '08:00', end: '09:00' })).toBe(
      '每天 08:00-09:00',
    )
  })
})
