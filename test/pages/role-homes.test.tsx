import { fireEvent, render, screen, within } from '@testing-library/react'
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
import { actAs, callAs, findIdentity, startEmulatorForFile, tap, typeInto } from './support/app'
import { openAt } from './corners-support'
import { become, heldOrderWithCode, HOLDER, mall, SHOPKEEPER } from './mall-support'

const emulator = startEmulatorForFile()

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
    expect(within(row).getByText('新')).toBeInTheDocument()
    expect(screen.getByText(String(Math.round((me.service.minutes / 60) * 10) / 10))).toBeInTheDocument()
    fireEvent.click(row)
    expect(navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.needDetail}?id=${need.id}` })
    await tap('去需求大厅接单')
    expect(navigateTo).toHaveBeenCalledWith({ url: ROUTES.needPool })
    first.unmount()

    // Seen once, it is no longer new.
    render(<TasksPage />)
    const again = (await screen.findByText('帮忙搬一袋米')).closest('.tasks__item') as HTMLElement
    expect(within(again).queryByText('新')).not.toBeInTheDocument()
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
