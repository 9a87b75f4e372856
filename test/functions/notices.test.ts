/**
 * 消息 (user.notices, user.readNotices) and the 工作台 counts (user.workbench) over /fn: every message the
 * functions send is kept as a notice of its person whether or not they subscribed, nobody sees or marks
 * another person's notices, and the workbench counts what the database holds.
 */
import type { Need } from '../../types/needs'
import type { NoticePage, NoticeRecord } from '../../types/notices'
import type { Workbench } from '../../types/workbench'
import { EXPIRING_WITHIN_MS, URGENT_WITHIN_MS } from '../../types/workbench'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import type { Sdk } from '../helpers/sdk'
import { postErrand, snapshotCollections } from '../helpers/snapshots'

const RESIDENT = 'demo-resident-li'
const OTHER = 'demo-resident-zhao'
const WORKER = 'demo-worker-liu'
const VOLUNTEER = 'demo-volunteer-zhang'
/** A mobile number on its own, as the authorization matrix looks for it. */
const PHONE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/

let emu: Emulator
let sdk: Sdk

startEmulatorForFile({ seed: 'none', reset: 'demo' }, (started, connected) => {
  emu = started
  sdk = connected
})

const user = <T>(data: object, openid?: string) => emu.call<T>('user', data, openid)
const needs = <T>(data: object, openid?: string) => emu.call<T>('needs', data, openid)
const inbox = (openid: string, extra: object = {}) =>
  user<NoticePage>({ action: 'notices', ...extra }, openid)

/** A need of `openid` approved by a worker: its requester gets one notice. */
async function approvedNeed(openid = RESIDENT): Promise<string> {
  const id = await postErrand(emu, openid)
  const reviewed = await needs<Need>({ action: 'review', id, approve: true }, WORKER)
  expect(reviewed.ok).toBe(true)
  return id
}

async function storedNotices(): Promise<NoticeRecord[]> {
  return (await sdk.db.collection('notices').orderBy('_id', 'asc').limit(1000).get()).data
}

describe('notices', () => {
  it('keeps a notice for the requester when a need is approved, though nobody subscribed, with no address or phone', async () => {
    const from = await emu.now()
    const id = await approvedNeed()
    const to = await emu.now()
    const res = await inbox(RESIDENT)
    expect(res.ok).toBe(true)
    expect(res.data!.unread).toBe(1)
    expect(res.data!.items).toHaveLength(1)
    const notice = res.data!.items[0]
    expect(notice).toMatchObject({
      title: '求助「帮忙取快递」待接单',
      body: '审核通过，正在为您寻找志愿者',
      page: `packages/needs/pages/detail/index?id=${id}`,
      readAt: null,
    })
    expect(notice.createdAt).toBeGreaterThanOrEqual(from)
    expect(notice.createdAt).toBeLessThanOrEqual(to)
    const stored = JSON.stringify(await storedNotices())
    expect(stored).not.toMatch(PHONE)
    expect(stored).not.toMatch(/槐中路社区2栋/)
  })

  it('tells the volunteer a worker dispatched a need, and its requester who will serve them', async () => {
    const id = await approvedNeed()
    const dispatched = await needs({ action: 'dispatch', id, volunteerOpenid: VOLUNTEER }, WORKER)
    expect(dispatched.ok).toBe(true)
    const volunteer = await inbox(VOLUNTEER)
    expect(volunteer.data!.items.map((n) => n.title)).toEqual(['社工派给您一个求助：帮忙取快递'])
    expect(volunteer.data!.items[0].page).toBe(`packages/needs/pages/detail/index?id=${id}`)
    const requester = await inbox(RESIDENT)
    expect(requester.data!.unread).toBe(2)
    expect(requester.data!.items[0].body).toMatch(/^志愿者.+将为您服务$/)
  })

  it('tells the applicant the outcome of a volunteer application', async () => {
    const applied = await user(
      { action: 'applyVolunteer', realName: '李测试', phone: '13912345678', skills: ['陪伴聊天'] },
      OTHER,
    )
    expect(applied.ok).toBe(true)
    await user({ action: 'reviewVolunteer', openid: OTHER, approve: false, reason: '请先填写住址' }, WORKER)
    const res = await inbox(OTHER)
    expect(res.data!.items).toEqual([
      expect.objectContaining({
        title: '志愿者申请未通过',
        body: '原因：请先填写住址',
        page: 'pages/me/index',
      }),
    ])
  })

  it('answers newest first in pages whose cursor never repeats or skips a notice', async () => {
    const made: string[] = []
    for (let i = 0; i < 5; i++) {
      made.push(await approvedNeed())
      await emu.advanceClock(60_000)
    }
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await inbox(RESIDENT, { limit: 2, ...(cursor ? { cursor } : {}) })
      expect(page.ok).toBe(true)
      expect(page.data!.unread).toBe(5)
      seen.push(...page.data!.items.map((n) => n.page.split('id=')[1]))
      cursor = page.data!.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toEqual([...made].reverse())
  })

  it('keeps one notice per person and event however often it is sent, leaving a read one read', async () => {
    // The functions' own code, run here against the emulator as a function runs it.
    const { notifyAll } = await import('../../server/notify')
    const message = (touser: string) => ({
      touser,
      template: 'TEMPLATE_ACTIVITY_CHANGE',
      page: 'packages/corners/pages/mine/index',
      data: {},
      notice: { title: '活动已取消：测试活动', body: '您的名额已释放，不用再到现场。' },
      event: 'activity-cancelled:test-activity',
    })
    await notifyAll([message(RESIDENT), message(OTHER)])
    await user({ action: 'readNotices', all: true }, RESIDENT)
    // Sent again (a retried action), and once more together with a new person.
    await notifyAll([message(RESIDENT)])
    await notifyAll([message(RESIDENT), message(OTHER), message(VOLUNTEER)])
    const stored = await storedNotices()
    expect(stored.map((n) => n.openid).sort()).toEqual([OTHER, RESIDENT, VOLUNTEER].sort())
    expect(stored.find((n) => n.openid === RESIDENT)!.read).toBe(true)
    expect((await inbox(RESIDENT)).data!.unread).toBe(0)
  })

  it('shows nobody another person’s notices', async () => {
    await approvedNeed(RESIDENT)
    const other = await inbox(OTHER)
    expect(other.data).toEqual({ items: [], nextCursor: null, unread: 0, newTasks: 0, badge: 0 })
  })

  it('marks the given notices read, and answers how many stay unread', async () => {
    await approvedNeed()
    await approvedNeed()
    const before = await inbox(RESIDENT)
    const [first] = before.data!.items
    const from = await emu.now()
    const res = await user<{ unread: number }>({ action: 'readNotices', ids: [first.id] }, RESIDENT)
    const to = await emu.now()
    expect(res).toEqual({ ok: true, data: { unread: 1 } })
    const after = await inbox(RESIDENT)
    const readAt = after.data!.items.find((n) => n.id === first.id)!.readAt!
    expect(readAt).toBeGreaterThanOrEqual(from)
    expect(readAt).toBeLessThanOrEqual(to)
    expect(after.data!.items.filter((n) => n.readAt === null)).toHaveLength(1)
    // Marking it again changes nothing and answers the same.
    expect(await user({ action: 'readNotices', ids: [first.id] }, RESIDENT)).toEqual(res)
  })

  it('marks every notice of the caller read, and no one else’s', async () => {
    await approvedNeed(RESIDENT)
    await approvedNeed(RESIDENT)
    await approvedNeed(OTHER)
    const res = await user<{ unread: number }>({ action: 'readNotices', all: true }, RESIDENT)
    expect(res).toEqual({ ok: true, data: { unread: 0 } })
    expect((await inbox(OTHER)).data!.unread).toBe(1)
  })

  it('answers another person’s notice id exactly as a missing one, and marks nothing', async () => {
    await approvedNeed(OTHER)
    await approvedNeed(RESIDENT)
    const foreign = (await inbox(OTHER)).data!.items[0].id
    const own = (await inbox(RESIDENT)).data!.items[0].id
    const before = await storedNotices()
    const asForeign = await user({ action: 'readNotices', ids: [own, foreign] }, RESIDENT)
    const asMissing = await user({ action: 'readNotices', ids: [own, 'n-no-such-notice'] }, RESIDENT)
    expect(asForeign).toEqual({ ok: false, code: 'not-found', message: '没有找到这条消息，可能已被删除' })
    expect(asMissing).toEqual(asForeign)
    expect(await storedNotices()).toEqual(before)
  })

  it.each([
    ['neither ids nor all', {}],
    ['both ids and all', { ids: ['x'], all: true }],
    ['an empty list', { ids: [] }],
    ['more than 20 ids', { ids: Array.from({ length: 21 }, (_, i) => `n-${i}`) }],
    ['all: false', { all: false }],
  ])('refuses %s with a plain message and changes nothing', async (_label, input) => {
    await approvedNeed()
    const before = await storedNotices()
    const res = await user({ action: 'readNotices', ...input }, RESIDENT)
    expect(res).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(res.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await storedNotices()).toEqual(before)
  })

  it('refuses an anonymous caller', async () => {
    expect(await emu.call('user', { action: 'notices' })).toMatchObject({ code: 'unauthenticated' })
    expect(await emu.call('user', { action: 'readNotices', all: true })).toMatchObject({
      code: 'unauthenticated',
    })
  })
})

describe('workbench', () => {
  /** What the database holds, counted here from the records themselves. */
  async function heldCounts(): Promise<Workbench> {
    const now = await emu.now()
    const [allNeeds, users, signups, recipients, orders] = (await snapshotCollections(sdk, [
      'needs',
      'users',
      'signups',
      'care_recipients',
      'orders',
    ])) as Array<Array<Record<string, never>>>
    const active = recipients.filter((r) => r.status === 'active')
    return {
      needsToReview: allNeeds.filter((n) => n.status === 'pending').length,
      volunteerApplications: users.filter(
        (u) => (u.volunteer as { status?: string } | null)?.status === 'pending',
      ).length,
      attendanceToConfirm: signups.filter((s) => s.state === 'checked-out').length,
      careOverdue: active.filter((r) => r.nextDueAt < now).length,
      careUrgent: active.filter(
        (r) => r.lastWellbeing === 'urgent' && r.lastVisitAt >= now - URGENT_WITHIN_MS,
      ).length,
      ordersExpiring: orders.filter(
        (o) => o.status === 'held' && o.expiresAt > now && o.expiresAt <= now + EXPIRING_WITHIN_MS,
      ).length,
    }
  }

  it('counts what waits for a worker exactly as the database holds it', async () => {
    const res = await user<Workbench>({ action: 'workbench' }, WORKER)
    expect(res.ok).toBe(true)
    expect(res.data).toEqual(await heldCounts())
    // A new need is one more to review.
    await postErrand(emu, RESIDENT)
    const after = await user<Workbench>({ action: 'workbench' }, WORKER)
    expect(after.data!.needsToReview).toBe(res.data!.needsToReview + 1)
    expect(after.data).toEqual(await heldCounts())
  })

  it('counts a held order as about to expire in its last day, and no longer once it has expired', async () => {
    const ordered = await emu.call(
      'mall',
      { action: 'order', rewardId: 'reward-eggs', idempotencyKey: 'workbench-order-1' },
      VOLUNTEER,
    )
    expect(ordered.ok).toBe(true)
    const orderId = (ordered.data as { id: string }).id
    const ours = async () => (await sdk.db.collection('orders').doc(orderId).get()).data
    const workbench = async () => (await user<Workbench>({ action: 'workbench' }, WORKER)).data!
    expect((await workbench()).ordersExpiring).toBe(0)
    // Six days and a few hours later the order has less than a day left: it is counted.
    await emu.advanceClock(6 * 24 * 3600_000 + 2 * 3600_000)
    const lastDay = await workbench()
    expect((await ours()).expiresAt - (await emu.now())).toBeLessThan(EXPIRING_WITHIN_MS)
    expect(lastDay.ordersExpiring).toBeGreaterThanOrEqual(1)
    expect(lastDay).toEqual(await heldCounts())
    // A day later it has expired (the timer gave the points back): not counted any more.
    await emu.advanceClock(24 * 3600_000)
    expect((await ours()).status).toBe('expired')
    expect(await workbench()).toEqual(await heldCounts())
  })

  it.each([RESIDENT, VOLUNTEER, 'demo-merchant-meng'])(
    'refuses %s: only workers see the workbench',
    async (who) => {
      expect(await user({ action: 'workbench' }, who)).toMatchObject({
        ok: false,
        code: 'permission-denied',
        message: '只有社工可以进行这个操作',
      })
    },
  )
})
