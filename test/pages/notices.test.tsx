import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Need } from '@shared/needs'
import type { NoticePage } from '@shared/notices'
import type { Workbench } from '@shared/workbench'
import MePage from '@/pages/me'
import NoticesPage from '@/packages/homes/pages/notices'
import WorkbenchPage from '@/packages/homes/pages/workbench'
import { ROUTES, TAB_PAGES } from '@/routes'
import { actAs, callAs, findIdentity, startEmulatorForFile, tap } from './support/app'

/** The 我的 tab's place in the tab bar (its badge is set by index). */
const ME_TAB = TAB_PAGES.indexOf(ROUTES.me)

const emulator = startEmulatorForFile()

let navigateTo: jest.SpyInstance
let setBadge: jest.SpyInstance
beforeEach(() => {
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  setBadge = jest.spyOn(Taro, 'setTabBarBadge').mockResolvedValue({ errMsg: 'setTabBarBadge:ok' })
  jest.spyOn(Taro, 'removeTabBarBadge').mockResolvedValue({ errMsg: 'removeTabBarBadge:ok' })
})
afterEach(() => jest.restoreAllMocks())

/** Two needs of the resident approved by a worker: two notices, both unread. */
async function residentWithNotices() {
  const resident = await findIdentity(emulator(), 'resident')
  const worker = await findIdentity(emulator(), 'worker')
  const titles = ['帮忙换灯泡', '帮忙取药']
  const ids: string[] = []
  for (const title of titles) {
    const need = await callAs<Need>(
      emulator(),
      resident.openid,
      {
        action: 'create',
        category: 'errand',
        title,
        description: '请帮帮忙，谢谢。',
        address: '槐中路社区2栋2单元201',
        contactPhone: '13503110007',
      },
      'needs',
    )
    await callAs(emulator(), worker.openid, { action: 'review', id: need.id, approve: true }, 'needs')
    ids.push(need.id)
  }
  return { resident, ids, titles }
}

const inbox = (openid: string) => callAs<NoticePage>(emulator(), openid, { action: 'notices' })

describe('消息', () => {
  test('lists the notices newest first with read and unread, and opens a notice’s page, marking it read', async () => {
    const { resident, ids } = await residentWithNotices()
    actAs(resident)

    render(<NoticesPage />)

    expect(await screen.findByText('2条未读')).toBeInTheDocument()
    const rows = screen.getAllByText(/^求助「.+」待接单$/)
    expect(rows.map((r) => r.textContent)).toEqual(['求助「帮忙取药」待接单', '求助「帮忙换灯泡」待接单'])
    expect(screen.getAllByText(/· 未读$/)).toHaveLength(2)

    fireEvent.click(rows[0])
    expect(navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.needDetail}?id=${ids[1]}` })
    expect(await screen.findByText('1条未读')).toBeInTheDocument()
    const stored = await inbox(resident.openid)
    expect(stored.unread).toBe(1)
    expect(stored.items[0].readAt).not.toBeNull()
    expect(setBadge).toHaveBeenLastCalledWith({ index: ME_TAB, text: '1' })
  })

  test('marks every notice read at once', async () => {
    const { resident } = await residentWithNotices()
    actAs(resident)

    render(<NoticesPage />)

    await tap('全部标为已读')
    expect(await screen.findByText('全部已读')).toBeInTheDocument()
    expect(screen.queryAllByText(/· 未读$/)).toHaveLength(0)
    expect((await inbox(resident.openid)).unread).toBe(0)
    expect(Taro.removeTabBarBadge).toHaveBeenCalled()
  })

  test('tells a person with no notices what will come here', async () => {
    const resident = await findIdentity(emulator(), 'resident')
    actAs(resident)

    render(<NoticesPage />)

    expect(await screen.findByText('还没有消息')).toBeInTheDocument()
  })

  test('shows the unread count on 我的 and as the 我的 tab’s badge', async () => {
    const { resident } = await residentWithNotices()
    actAs(resident)

    render(<MePage />)

    const entry = (await screen.findByText('消息')).closest('.menu-item') as HTMLElement
    expect(await within(entry).findByText('2')).toBeInTheDocument()
    await waitFor(() => expect(setBadge).toHaveBeenCalledWith({ index: ME_TAB, text: '2' }))
    fireEvent.click(entry)
    expect(navigateTo).toHaveBeenCalledWith({ url: ROUTES.notices })
  })
})

describe('工作台', () => {
  test('shows each count as the emulator holds it, and one tap opens its queue', async () => {
    const worker = await findIdentity(emulator(), 'worker')
    const resident = await findIdentity(emulator(), 'resident')
    // One more need to review than the demo had.
    await callAs(
      emulator(),
      resident.openid,
      {
        action: 'create',
        category: 'repair',
        title: '水龙头漏水',
        description: '厨房水龙头一直滴水。',
        address: '槐中路社区2栋2单元201',
        contactPhone: '13503110007',
      },
      'needs',
    )
    const held = await callAs<Workbench>(emulator(), worker.openid, { action: 'workbench' })
    actAs(worker)

    render(<WorkbenchPage />)

    const rows: Array<[string, keyof Workbench, string]> = [
      ['待审核的求助', 'needsToReview', ROUTES.needsReview],
      ['志愿者申请', 'volunteerApplications', ROUTES.volunteerReview],
      ['待确认的活动时长', 'attendanceToConfirm', ROUTES.cornersManage],
      ['走访发现紧急的老人', 'careUrgent', ROUTES.careDue],
      ['超期未走访的老人', 'careOverdue', ROUTES.careDue],
      ['一天内到期的兑换', 'ordersExpiring', ROUTES.mallShops],
    ]
    await screen.findByText('待审核的求助')
    expect(held.needsToReview).toBeGreaterThan(0)
    for (const [title, key] of rows) {
      const row = screen.getByText(title).closest('.workbench__row') as HTMLElement
      expect(within(row).getByText(String(held[key]), { selector: '.workbench__count' })).toBeInTheDocument()
    }
    const total = rows.reduce((sum, [, key]) => sum + held[key], 0)
    expect(screen.getByText(`共有 ${total} 件事等您处理，点一下就去办。`)).toBeInTheDocument()
    for (const [title, , url] of rows) {
      fireEvent.click(screen.getByText(title))
      expect(navigateTo).toHaveBeenLastCalledWith({ url })
    }
    // The station's figures are one tap away too.
    fireEvent.click(screen.getByText('数据'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: ROUTES.report })
  })

  test('puts 工作台 at the top of a worker’s 我的, before the resident cards', async () => {
    const worker = await findIdentity(emulator(), 'worker')
    actAs(worker)

    render(<MePage />)

    const bench = await screen.findByText('工作台')
    const points = screen.getByText('我的积分')
    expect(bench.compareDocumentPosition(points) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    fireEvent.click(bench)
    expect(navigateTo).toHaveBeenCalledWith({ url: ROUTES.workbench })
  })

  test('tells someone who is not a worker that the workbench is for workers', async () => {
    const resident = await findIdentity(emulator(), 'resident')
    actAs(resident)

    render(<WorkbenchPage />)

    expect(await screen.findByText('工作台是社工用的')).toBeInTheDocument()
  })
})
