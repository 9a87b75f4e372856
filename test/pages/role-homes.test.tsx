import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Page } from '@shared/envelope'
import type { Order } from '@shared/mall'
import type { NoticePage } from '@shared/notices'
import type { Me } from '@shared/user'
import MePage from '@/pages/me'
import ScanPage from '@/packages/merchant/pages/scan'
import TasksPage from '@/packages/homes/pages/tasks'
import { ROUTES, TAB_PAGES } from '@/routes'
import { startOfShanghaiDay } from '@/services/mall'
import { actAs, callAs, findIdentity, startEmulatorForFile, tap, typeInto } from './support/app'
import { openAt } from './corners-support'
import { become, heldOrderWithCode, HOLDER, mall, SHOPKEEPER } from './mall-support'
import { dispatchedNeed } from './needs-support'

const emulator = startEmulatorForFile()

/** What user.notices answers the person: unread notices, new tasks and the 我的 tab's badge. */
const noticeCounts = (openid: string) =>
  callAs<NoticePage>(emulator(), openid, { action: 'notices', limit: 1 })

let navigateTo: jest.SpyInstance
beforeEach(() => {
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  jest.spyOn(Taro, 'setTabBarBadge').mockResolvedValue({ errMsg: 'setTabBarBadge:ok' })
  jest.spyOn(Taro, 'removeTabBarBadge').mockResolvedValue({ errMsg: 'removeTabBarBadge:ok' })
})
afterEach(() => jest.restoreAllMocks())

describe('a shopkeeper’s home', () => {
  test('我的 opens on the shop’s counter: the digits the customer reads out lead straight to that order', async () => {
    const { shortCode, order } = await heldOrderWithCode(emulator(), HOLDER)
    await become(emulator(), SHOPKEEPER)

    const me = render(<MePage />)
    const counter = (await screen.findByText('核销兑换')).closest('.role-home__counter') as HTMLElement
    expect(screen.getByText('今日核销')).toBeInTheDocument()
    expect(screen.queryByText('申请成为志愿者')).not.toBeInTheDocument()
    // Too few digits are answered on the spot, and nothing opens.
    await typeInto('8位兑换数字', '1234')
    await tap('查找这一单', counter)
    expect(await within(counter).findByText('兑换数字是8位，请看清顾客手机上的数字')).toBeInTheDocument()
    expect(navigateTo).not.toHaveBeenCalled()
    await typeInto('8位兑换数字', `${shortCode.slice(0, 4)} ${shortCode.slice(4)}`)
    await tap('查找这一单', counter)
    const url = `${ROUTES.merchantScan}?digits=${shortCode}`
    expect(navigateTo).toHaveBeenCalledWith({ url })
    me.unmount()

    // The counter takes the digits up at once: the order to check is on screen, with today's count beside.
    openAt(ScanPage, ROUTES.merchantScan, { digits: shortCode })
    expect(await screen.findByText(order.rewardTitle)).toBeInTheDocument()
    expect(await screen.findByText('确认核销')).toBeInTheDocument()
  })

  test('核销 shows how many orders the shop has redeemed today', async () => {
    const { code } = await heldOrderWithCode(emulator(), HOLDER)
    await mall(emulator(), SHOPKEEPER, { action: 'redeem', code })
    const redeemed = await mall<Page<Order>>(emulator(), SHOPKEEPER, {
      action: 'orders',
      scope: 'merchant',
      status: 'redeemed',
      limit: 20,
    })
    const since = startOfShanghaiDay(await emulator().now())
    const today = redeemed.items.filter((o) => (o.redeemedAt ?? 0) >= since).length
    expect(today).toBeGreaterThan(0)
    await become(emulator(), SHOPKEEPER)

    openAt(ScanPage, ROUTES.merchantScan)

    expect(await screen.findByText(`今天已核销 ${today} 单`)).toBeInTheDocument()
    expect(screen.getByText('输入兑换数字')).toBeInTheDocument()
  })
})

describe('a volunteer’s 我的任务', () => {
  test('lists a need dispatched to them as new until seen, their service time, and the way to 需求大厅', async () => {
    const volunteer = await findIdentity(
      emulator(),
      'volunteer',
      (me: Me) => me.volunteer?.status === 'approved',
    )
    const need = await dispatchedNeed(emulator(), '帮忙搬一袋米', volunteer.openid)
    const me = await callAs<Me>(emulator(), volunteer.openid, { action: 'login' })
    actAs(volunteer)

    const first = render(<TasksPage />)
    const row = (await screen.findByText('帮忙搬一袋米')).closest('.tasks__item') as HTMLElement
    expect(within(row).getByText('新')).toBeInTheDocument()
    expect(screen.getByText(String(Math.round((me.service.minutes / 60) * 10) / 10))).toBeInTheDocument()
    fireEvent.click(row)
    expect(navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.needDetail}?id=${need.id}` })
    await tap('去需求大厅接单')
    expect(navigateTo).toHaveBeenCalledWith({ url: ROUTES.needPool })
    first.unmount()

    // Seen once, it is no longer new, on any phone: the server keeps it (this phone's storage is emptied).
    await waitFor(async () => expect((await noticeCounts(volunteer.openid)).newTasks).toBe(0))
    Taro.clearStorageSync()
    actAs(volunteer)
    render(<TasksPage />)
    const again = (await screen.findByText('帮忙搬一袋米')).closest('.tasks__item') as HTMLElement
    expect(within(again).queryByText('新')).not.toBeInTheDocument()
  })

  test('我的 shows needs dispatched to the volunteer as a badge on 我的任务 and on the tab until seen', async () => {
    const volunteer = await findIdentity(
      emulator(),
      'volunteer',
      (me: Me) => me.volunteer?.status === 'approved',
    )
    const before = await noticeCounts(volunteer.openid)
    for (const title of ['帮忙取药', '陪老人聊天']) await dispatchedNeed(emulator(), title, volunteer.openid)
    const counts = await noticeCounts(volunteer.openid)
    expect(counts.newTasks).toBe(before.newTasks + 2)
    actAs(volunteer)

    const me = render(<MePage />)
    const entry = (await screen.findByText('我的任务')).closest('.menu-item') as HTMLElement
    expect(await within(entry).findByText(String(counts.newTasks))).toBeInTheDocument()
    // The 我的 tab (the last) carries the same news: unread notices and the new tasks, each dispatch once.
    const meTab = TAB_PAGES.indexOf(ROUTES.me)
    await waitFor(() =>
      expect(Taro.setTabBarBadge).toHaveBeenLastCalledWith({ index: meTab, text: String(counts.badge) }),
    )
    expect(counts.badge).toBeGreaterThanOrEqual(counts.newTasks)
    me.unmount()

    // Opening 我的任务 is seeing them: back on 我的, neither 我的任务 nor the tab counts them.
    const tasks = render(<TasksPage />)
    await screen.findByText('陪老人聊天')
    await waitFor(async () => expect((await noticeCounts(volunteer.openid)).newTasks).toBe(0))
    tasks.unmount()
    const after = await noticeCounts(volunteer.openid)
    render(<MePage />)
    const seenEntry = (await screen.findByText('我的任务')).closest('.menu-item') as HTMLElement
    await waitFor(() =>
      after.badge > 0
        ? expect(Taro.setTabBarBadge).toHaveBeenLastCalledWith({ index: meTab, text: String(after.badge) })
        : expect(Taro.removeTabBarBadge).toHaveBeenLastCalledWith({ index: meTab }),
    )
    expect(seenEntry.querySelector('.menu-item__badge')).toBeNull()
    expect(after.badge).toBe(counts.badge - counts.newTasks)
  })
})

describe('several roles', () => {
  test('a person with several roles switches which home 我的 shows, and the phone remembers it', async () => {
    const volunteer = await findIdentity(
      emulator(),
      'volunteer',
      (me: Me) => me.volunteer?.status === 'approved',
    )
    const worker = await findIdentity(emulator(), 'worker')
    await callAs(emulator(), worker.openid, { action: 'grantRole', openid: volunteer.openid, role: 'worker' })
    actAs(volunteer)

    const first = render(<MePage />)
    // A worker first: the workbench is on top.
    expect(await screen.findByText('工作台')).toBeInTheDocument()
    await tap('志愿者任务')
    expect(await screen.findByText('我的任务')).toBeInTheDocument()
    expect(screen.queryByText('工作台')).not.toBeInTheDocument()
    first.unmount()

    render(<MePage />)
    expect(await screen.findByText('我的任务')).toBeInTheDocument()
    expect(screen.queryByText('工作台')).not.toBeInTheDocument()
  })
})
