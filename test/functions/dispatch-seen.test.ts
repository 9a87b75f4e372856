/**
 * A volunteer's new tasks (我的任务's badge and the 我的 tab's): a need a worker dispatched to them is new until
 * they have seen it (needs.seen), kept on the server for that person, so every phone of theirs agrees. Nobody
 * else's dispatch counts, a resident has nothing new, and seeing marks the dispatch's own notice read with it.
 */
import type { Need, SeenNeeds } from '../../types/needs'
import type { NoticePage } from '../../types/notices'
import type { Page } from '../../types/envelope'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import type { Sdk } from '../helpers/sdk'
import { dispatchErrand, postErrand, snapshotCollections } from '../helpers/snapshots'

const RESIDENT = 'demo-resident-li'
const WORKER = 'demo-worker-liu'
const VOLUNTEER = 'demo-volunteer-zhang'
const OTHER_VOLUNTEER = 'demo-volunteer-chen'

let emu: Emulator
let sdk: Sdk

startEmulatorForFile({ seed: 'none', reset: 'demo' }, (started, connected) => {
  emu = started
  sdk = connected
})

const needs = <T>(data: object, openid?: string) => emu.call<T>('needs', data, openid)

async function counts(openid: string): Promise<Pick<NoticePage, 'unread' | 'newTasks' | 'badge'>> {
  const res = await emu.call<NoticePage>('user', { action: 'notices', limit: 1 }, openid)
  expect(res.ok).toBe(true)
  const { unread, newTasks, badge } = res.data!
  return { unread, newTasks, badge }
}

/** A need of the resident, approved and dispatched by the worker to `volunteer`. */
const dispatchedTo = (volunteer: string) =>
  dispatchErrand(emu, { resident: RESIDENT, worker: WORKER, volunteer })

const view = async (id: string, openid: string) => (await needs<Need>({ action: 'get', id }, openid)).data!
const seen = (ids: string[], openid: string) => needs<SeenNeeds>({ action: 'seen', ids }, openid)
const held = () => snapshotCollections(sdk, ['needs', 'notices'])

describe('new tasks', () => {
  it('counts a need dispatched to the volunteer as new, once on the tab with its notice, until they have seen it', async () => {
    const before = await counts(VOLUNTEER)
    expect(before.newTasks).toBe(0)
    const id = await dispatchedTo(VOLUNTEER)

    const after = await counts(VOLUNTEER)
    expect(after.newTasks).toBe(1)
    expect(after.unread).toBe(before.unread + 1)
    // The dispatch's notice and the task are one thing to see: the tab counts it once.
    expect(after.badge).toBe(before.badge + 1)
    expect((await view(id, VOLUNTEER)).unseen).toBe(true)
    const mine = await needs<Page<Need>>({ action: 'list', scope: 'assigned' }, VOLUNTEER)
    expect(mine.data!.items.find((n) => n.id === id)?.unseen).toBe(true)
    // Only to the volunteer it is new.
    expect((await view(id, WORKER)).unseen).toBeUndefined()
    expect((await view(id, RESIDENT)).unseen).toBeUndefined()

    const marked = await seen([id], VOLUNTEER)
    expect(marked).toEqual({ ok: true, data: { newTasks: 0 } })
    expect(await counts(VOLUNTEER)).toEqual(before)
    expect((await view(id, VOLUNTEER)).unseen).toBeUndefined()
    // Seeing it again changes nothing.
    const snapshot = await held()
    expect((await seen([id], VOLUNTEER)).data).toEqual({ newTasks: 0 })
    expect(await held()).toEqual(snapshot)
  })

  it('does not count another volunteer’s dispatch, and refuses to mark it seen, changing nothing', async () => {
    const before = await counts(VOLUNTEER)
    const id = await dispatchedTo(OTHER_VOLUNTEER)
    expect(await counts(VOLUNTEER)).toEqual(before)
    expect((await counts(OTHER_VOLUNTEER)).newTasks).toBe(1)

    const snapshot = await held()
    const refused = await seen([id], VOLUNTEER)
    expect(refused.ok).toBe(false)
    expect(refused.code).toBe('not-found')
    expect(refused.message).toBe('没有找到这个需求，可能已被删除')
    expect(await held()).toEqual(snapshot)
    expect((await counts(OTHER_VOLUNTEER)).newTasks).toBe(1)
  })

  it('gives a resident nothing new: the badge is their unread notices, and marking a need seen is refused', async () => {
    const id = await dispatchedTo(VOLUNTEER)
    const resident = await counts(RESIDENT)
    expect(resident.newTasks).toBe(0)
    expect(resident.badge).toBe(resident.unread)

    const snapshot = await held()
    const refused = await seen([id], RESIDENT)
    expect(refused.code).toBe('not-found')
    expect(await held()).toEqual(snapshot)
    expect((await counts(VOLUNTEER)).newTasks).toBe(1)
  })

  it('refuses one foreign id among the volunteer’s own and then marks none of them', async () => {
    const own = await dispatchedTo(VOLUNTEER)
    const foreign = await dispatchedTo(OTHER_VOLUNTEER)
    const snapshot = await held()
    expect((await seen([own, foreign], VOLUNTEER)).code).toBe('not-found')
    expect(await held()).toEqual(snapshot)
    expect((await counts(VOLUNTEER)).newTasks).toBe(1)
  })

  it('keeps the task new after 全部已读 in 消息, counted once on the tab', async () => {
    await dispatchedTo(VOLUNTEER)
    expect((await emu.call('user', { action: 'readNotices', all: true }, VOLUNTEER)).ok).toBe(true)
    expect(await counts(VOLUNTEER)).toEqual({ unread: 0, newTasks: 1, badge: 1 })
  })

  it('does not count a need the volunteer claimed themselves, nor one cancelled before they saw it', async () => {
    const claimed = await postErrand(emu, RESIDENT)
    expect((await needs({ action: 'review', id: claimed, approve: true }, WORKER)).ok).toBe(true)
    expect((await needs({ action: 'claim', id: claimed }, VOLUNTEER)).ok).toBe(true)
    expect((await view(claimed, VOLUNTEER)).unseen).toBeUndefined()
    expect((await counts(VOLUNTEER)).newTasks).toBe(0)

    const cancelled = await dispatchedTo(VOLUNTEER)
    expect((await counts(VOLUNTEER)).newTasks).toBe(1)
    expect((await needs({ action: 'cancel', id: cancelled, reason: '居民不需要了' }, WORKER)).ok).toBe(true)
    expect((await counts(VOLUNTEER)).newTasks).toBe(0)
  })

  it('makes a need new again when it is released and dispatched once more', async () => {
    const id = await dispatchedTo(VOLUNTEER)
    expect((await seen([id], VOLUNTEER)).data).toEqual({ newTasks: 0 })
    expect((await needs({ action: 'release', id }, VOLUNTEER)).ok).toBe(true)
    expect((await needs({ action: 'dispatch', id, volunteerOpenid: VOLUNTEER }, WORKER)).ok).toBe(true)
    const again = await counts(VOLUNTEER)
    expect(again.newTasks).toBe(1)
    expect((await view(id, VOLUNTEER)).unseen).toBe(true)
  })

  it('answers a clear error for an empty or too long list and changes nothing', async () => {
    const id = await dispatchedTo(VOLUNTEER)
    const snapshot = await held()
    const empty = await seen([], VOLUNTEER)
    expect(empty).toMatchObject({ ok: false, code: 'invalid-argument', message: '请选择看过的需求' })
    const many = await seen(
      Array.from({ length: 21 }, () => id),
      VOLUNTEER,
    )
    expect(many).toMatchObject({ ok: false, code: 'invalid-argument', message: '一次最多20个需求' })
    expect(await held()).toEqual(snapshot)
  })
})
