/**
 * The 活动 list (`activities.find`) and what depends on it: every coming activity of every corner and the
 * standalone ones a worker publishes with 发布社区活动, found, filtered, signed up for and shown in 我的活动;
 * the corner card's 下次 taken from real activities.
 */
import type { Activity, ActivityListing, Participation } from '../../types/activities'
import { nextSession, type Corner } from '../../types/corners'
import type { Page } from '../../types/envelope'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'

const WORKER = 'demo-worker-liu'
const NEWCOMER = 'find-newcomer'
const HOUR = 3600_000

let emu: Emulator

startEmulatorForFile({ seed: 'none', reset: 'demo' }, (started) => {
  emu = started
})

const activities = <T>(data: object, openid?: string) => emu.call<T>('activities', data, openid)
const now = () => emu.advanceClock(0)

/** A standalone activity (no project), as 发布社区活动 makes it, starting `inMs` from now. */
async function community(
  inMs: number,
  fields: Partial<{ cornerId: string | null; title: string; hours: number }> = {},
): Promise<Activity> {
  const startAt = (await now()) + inMs
  const res = await activities<Activity>(
    {
      action: 'upsert',
      projectId: null,
      cornerId: fields.cornerId === undefined ? 'corner-shiji-park' : fields.cornerId,
      title: fields.title ?? '环境整治：公园捡拾垃圾',
      location: '世纪公园东门',
      startAt,
      endAt: startAt + (fields.hours ?? 2) * HOUR,
      capacity: 20,
    },
    WORKER,
  )
  expect(res).toMatchObject({ ok: true })
  return res.data!
}

/** Every page of `find` with these filters. */
async function findAll(filters: object = {}, openid?: string): Promise<ActivityListing[]> {
  const seen: ActivityListing[] = []
  let cursor: string | undefined
  do {
    const page = await activities<Page<ActivityListing>>(
      { action: 'find', limit: 7, ...filters, ...(cursor ? { cursor } : {}) },
      openid,
    )
    expect(page).toMatchObject({ ok: true })
    seen.push(...page.data!.items)
    cursor = page.data!.nextCursor ?? undefined
  } while (cursor)
  return seen
}

describe('standalone activities (发布社区活动)', () => {
  it('are found in the 活动 list and at their corner, take sign-ups, and show in 我的活动', async () => {
    const atCorner = await community(26 * HOUR)
    const nowhere = await community(50 * HOUR, { cornerId: null, title: '楼道清理：槐中路社区' })

    const listed = await findAll({}, NEWCOMER)
    const found = listed.find((a) => a.id === atCorner.id)
    expect(found).toMatchObject({
      projectId: null,
      projectTitle: null,
      category: null,
      cornerName: '世纪公园',
      myState: null,
    })
    expect(listed.find((a) => a.id === nowhere.id)).toMatchObject({ cornerName: null, projectTitle: null })
    expect((await findAll({ cornerId: 'corner-shiji-park' })).map((a) => a.id)).toContain(atCorner.id)

    const place = await activities<Participation>({ action: 'signup', id: atCorner.id }, NEWCOMER)
    expect(place).toMatchObject({ ok: true, data: { state: 'signed' } })
    const mine = await activities<Page<Participation>>({ action: 'mine' }, NEWCOMER)
    expect(mine.data!.items.map((p) => p.activity.id)).toEqual([atCorner.id])
    const again = (await findAll({}, NEWCOMER)).find((a) => a.id === atCorner.id)
    expect(again).toMatchObject({ myState: 'signed', signedUp: 1 })
  })
})

describe('activities.find', () => {
  it('lists every activity not yet ended nor cancelled, soonest first, each once across pages', async () => {
    const cancelled = await community(30 * HOUR, { title: '取消了的活动' })
    const off = await activities(
      {
        action: 'upsert',
        id: cancelled.id,
        projectId: null,
        cornerId: cancelled.cornerId,
        title: cancelled.title,
        location: cancelled.location,
        startAt: cancelled.startAt,
        endAt: cancelled.endAt,
        capacity: cancelled.capacity,
        status: 'cancelled',
      },
      WORKER,
    )
    expect(off).toMatchObject({ ok: true })
    const soon = await community(HOUR, { hours: 1, title: '一小时后的活动' })
    await emu.advanceClock(2.5 * HOUR)
    const t = await now()

    const seen = await findAll()
    expect(seen.length).toBeGreaterThanOrEqual(15)
    expect(new Set(seen.map((a) => a.id)).size).toBe(seen.length)
    expect(seen.every((a) => a.endAt > t && a.status !== 'cancelled')).toBe(true)
    const starts = seen.map((a) => a.startAt)
    expect([...starts].sort((x, y) => x - y)).toEqual(starts)
    expect(seen.map((a) => a.id)).not.toContain(cancelled.id)
    expect(seen.map((a) => a.id)).not.toContain(soon.id)

    // The same activities as the general list gives, less the cancelled ones.
    const all: Activity[] = []
    let cursor: string | undefined
    do {
      const page = await activities<Page<Activity>>({
        action: 'list',
        limit: 20,
        ...(cursor ? { cursor } : {}),
      })
      all.push(...page.data!.items)
      cursor = page.data!.nextCursor ?? undefined
    } while (cursor)
    expect(seen.map((a) => a.id)).toEqual(all.filter((a) => a.status !== 'cancelled').map((a) => a.id))
  })

  it('filters by category, by corner and by words taken literally, and says how far each corner is', async () => {
    const elderly = await findAll({ category: 'elderly' })
    expect(elderly.length).toBeGreaterThan(0)
    expect(elderly.every((a) => a.category === 'elderly')).toBe(true)
    expect(elderly.map((a) => a.projectId)).toContain('project-xiaohongmao')

    const atShiji = await findAll({ cornerId: 'corner-shiji-park' })
    expect(atShiji.length).toBeGreaterThan(0)
    expect(atShiji.every((a) => a.cornerId === 'corner-shiji-park' && a.cornerName === '世纪公园')).toBe(true)

    const walks = await findAll({ q: '健走' })
    expect(walks.length).toBeGreaterThan(0)
    expect(walks.every((a) => `${a.title}${a.location}`.includes('健走'))).toBe(true)
    expect(await findAll({ q: '.*' })).toEqual([])

    const near = { lat: 38.0215, lng: 114.542 } // 世纪公园
    const measured = await findAll({ near })
    expect(measured.find((a) => a.cornerId === 'corner-shiji-park')?.distanceKm).toBe(0)
    expect(measured.filter((a) => a.cornerId).every((a) => typeof a.distanceKm === 'number')).toBe(true)
    expect(atShiji.every((a) => a.distanceKm === undefined)).toBe(true)
  })

  it('refuses an unknown category, words over 20 characters and a bad place, in Chinese', async () => {
    for (const bad of [{ category: 'sports' }, { q: '字'.repeat(21) }, { near: { lat: 91, lng: 0 } }]) {
      const res = await activities({ action: 'find', ...bad })
      expect(res).toMatchObject({ ok: false, code: 'invalid-argument' })
      expect(res.message).toMatch(/[\u4e00-\u9fa5]/)
    }
  })
})

describe('the corner card’s 下次', () => {
  it('names an activity at the corner when it comes before the next scheduled session, else the session', async () => {
    const t = await now()
    const corners = (await emu.call<{ items: Corner[] }>('corners', { action: 'list' })).data!.items
    // A corner whose next session is at least 4 hours away: an activity in 1 hour comes first.
    const corner = corners.find((c) => nextSession(c.schedule, t)!.startAt - t >= 4 * HOUR)!
    expect(corner).toBeDefined()
    const before = await community(HOUR, { cornerId: corner.id, title: '公益角前的快闪清洁' })
    const after = await community(nextSession(corner.schedule, t)!.endAt - t + HOUR, {
      cornerId: corner.id,
      title: '下次开放之后的活动',
    })
    const listed = (await emu.call<{ items: Corner[] }>('corners', { action: 'list' })).data!.items
    expect(listed.find((c) => c.id === corner.id)?.nextActivity).toEqual({
      id: before.id,
      title: before.title,
      startAt: before.startAt,
      endAt: before.endAt,
    })
    // Once the first is over, the session comes before the later activity: no activity is named.
    await emu.advanceClock(before.endAt - t + 1)
    const later = (await emu.call<{ items: Corner[] }>('corners', { action: 'list' })).data!.items
    const shown = later.find((c) => c.id === corner.id)?.nextActivity
    const session = nextSession(corner.schedule, before.endAt + 1)!
    expect(after.startAt).toBeGreaterThan(session.startAt)
    expect(shown?.id).not.toBe(after.id)
    if (shown) expect(shown.startAt).toBeLessThan(session.startAt)
  })
})
