import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Page } from '@shared/envelope'
import type { Order } from '@shared/mall'
import type { Need } from '@shared/needs'
import type { Me } from '@shared/user'
import MePage from '@/pages/me'
import ScanPage from '@/packages/merchant/pages/scan'
import TasksPage from '@/packages/homes/pages/tasks'
import { ROUTES } from '@/routes'
import { startOfShanghaiDay } from '@/services/mall'
import { actAs, callAs, findIdentity, startEmulatorForFile, tap } from './support/app'

const emulator = startEmulatorForFile()

let navigateTo: jest.SpyInstance
beforeEach(() => {
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  jest.spyOn(Taro, 'setTabBarBadge').mockResolvedValue({ errMsg: 'setTabBarBadge:ok' })
  jest.spyOn(Taro, 'removeTabBarBadge').mockResolvedValue({ errMsg: 'removeTabBarBadge:ok' })
})
afterEach(() => jest.restoreAllMocks())

describe('a shopkeeper’s home', () => {
  // First in this file: the app "opens" on 我的 once per launch, and that is what this test is about.
  test('opening the app on 我的 leads a shopkeeper straight to 核销, once', async () => {
    Object.assign(Taro.getLaunchOptionsSync(), { path: 'pages/me/index' })
    const shopkeeper = await findIdentity(emulator(), 'merchant')
    actAs(shopkeeper)

    const first = render(<MePage />)
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: ROUTES.merchantScan }))
    first.unmount()
    navigateTo.mockClear()

    // Coming back to 我的 leaves them there, with the shop's things on top and no volunteer application.
    render(<MePage />)
    expect(await screen.findByText('核销兑换')).toBeInTheDocument()
    expect(screen.getByText('今日核销')).toBeInTheDocument()
    expect(screen.queryByText('申请成为志愿者')).not.toBeInTheDocument()
    expect(navigateTo).not.toHaveBeenCalled()
    await tap('核销兑换')
    expect(navigateTo).toHaveBeenCalledWith({ url: ROUTES.merchantScan })
  })

  test('核销 shows how many orders the shop has redeemed today', async () => {
    const shopkeeper = await findIdentity(emulator(), 'merchant')
    const redeemed = await callAs<Page<Order>>(
      emulator(),
      shopkeeper.openid,
      {
        action: 'orders',
        scope: 'merchant',
        status: 'redeemed',
        limit: 20,
      },
      'mall',
    )
    const since = startOfShanghaiDay(await emulator().now())
    const today = redeemed.items.filter((o) => (o.redeemedAt ?? 0) >= since).length
    actAs(shopkeeper)

    render(<ScanPage />)

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
    const worker = await findIdentity(emulator(), 'worker')
    const resident = await findIdentity(emulator(), 'resident')
    const need = await callAs<Need>(
      emulator(),
      resident.openid,
      {
        action: 'create',
        category: 'errand',
        title: '帮忙搬一袋米',
        description: '米在楼下超市，请帮忙搬上楼。',
        address: '槐中路社区2栋2单元201',
        contactPhone: '13503110007',
      },
      'needs',
    )
    await callAs(emulator(), worker.openid, { action: 'review', id: need.id, approve: true }, 'needs')
    await callAs(
      emulator(),
      worker.openid,
      { action: 'dispatch', id: need.id, volunteerOpenid: volunteer.openid },
      'needs',
    )
    const me = await callAs<Me>(emulator(), volunteer.openid, { action: 'login' })
    actAs(volunteer)

    const first = render(<TasksPage />)
    const row = (await screen.findByText('帮忙搬一袋米')).closest('.tasks__item') as HTMLElement
    expect(within(row).getByText('新派单')).toBeInTheDocument()
    expect(screen.getByText(String(Math.round((me.service.minutes / 60) * 10) / 10))).toBeInTheDocument()
    fireEvent.click(row)
    expect(navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.needDetail}?id=${need.id}` })
    await tap('去需求大厅接单')
    expect(navigateTo).toHaveBeenCalledWith({ url: ROUTES.needPool })
    first.unmount()

    // Seen once, it is no longer new.
    render(<TasksPage />)
    const again = (await screen.findByText('帮忙搬一袋米')).closest('.tasks__item') as HTMLElement
    expect(within(again).queryByText('新派单')).not.toBeInTheDocument()
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
