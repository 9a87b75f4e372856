import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Need } from '@shared/needs'
import type { PointsSummaryFull } from '@shared/points'
import NeedsPage from '@/pages/needs'
import CreateNeedPage from '@/packages/needs/pages/create'
import {
  ADDRESS,
  OTHER_VOLUNTEER,
  PHONE,
  RESIDENT,
  VOLUNTEER,
  WORKER,
  become,
  needs,
  openDetail,
  postNeed,
} from './needs-support'
import { callAs, startEmulatorForFile, tap, typeInto } from './support/app'

const emulator = startEmulatorForFile()

async function mine(openid: string): Promise<Need[]> {
  return (await needs<{ items: Need[] }>(emulator(), openid, { action: 'list', scope: 'mine' })).items
}

async function fillForm(fields: { title: string; phone: string }) {
  await tap('代办')
  await tap('紧急')
  await typeInto('例如：帮忙买一周的菜', fields.title)
  await typeInto('例如：腿脚不方便，想请人帮忙买青菜和鸡蛋，钱当面给', '想请人帮忙去菜市场买点菜。')
  await typeInto('例如：3栋1单元101', ADDRESS)
  await typeInto('例如：13912345678', fields.phone)
  await tap('这个周末')
}

describe('发布需求 and 我的需求', () => {
  test('a bad phone number gets the Chinese message and nothing is sent', async () => {
    await become(emulator(), RESIDENT)
    const before = await mine(RESIDENT)
    render(<CreateNeedPage />)

    await fillForm({ title: '帮忙买菜', phone: '12345' })
    await tap('提交求助')

    expect(await screen.findByText('联系电话应为11位手机号，或带区号的座机号')).toBeInTheDocument()
    expect(screen.queryByText('求助已提交')).not.toBeInTheDocument()
    expect(await mine(RESIDENT)).toHaveLength(before.length)
  })

  test('an empty form first asks for the category', async () => {
    await become(emulator(), RESIDENT)
    render(<CreateNeedPage />)

    await tap('提交求助')

    expect(await screen.findByText('请选择求助类别')).toBeInTheDocument()
  })

  test('the need-submitted page starts at the top, its card not left under the navigation bar', async () => {
    await become(emulator(), RESIDENT)
    render(<CreateNeedPage />)
    await fillForm({ title: '帮忙换一下楼道灯泡', phone: PHONE })
    const scrolls = jest.spyOn(Taro, 'pageScrollTo')
    await tap('提交求助')

    expect(await screen.findByText('求助已提交', undefined, { timeout: 10_000 })).toBeInTheDocument()
    await waitFor(() => expect(scrolls).toHaveBeenCalledWith(expect.objectContaining({ scrollTop: 0 })))
    scrolls.mockRestore()
  })

  test('a resident posts a need, which waits for review in 我的需求', async () => {
    await become(emulator(), RESIDENT)
    const { unmount } = render(<CreateNeedPage />)

    await fillForm({ title: '周六帮忙买一周的菜', phone: PHONE })
    await tap('提交求助')

    expect(await screen.findByText('求助已提交')).toBeInTheDocument()
    const posted = (await mine(RESIDENT)).find((n) => n.title === '周六帮忙买一周的菜')
    expect(posted).toMatchObject({
      status: 'pending',
      category: 'errand',
      urgency: 'urgent',
      address: ADDRESS,
      contactPhone: PHONE,
    })
    unmount()

    render(<NeedsPage />)
    const card = (await screen.findByText('周六帮忙买一周的菜')).closest('.need-card') as HTMLElement
    expect(within(card).getByText('待审核')).toBeInTheDocument()
    expect(within(card).getByText('紧急')).toBeInTheDocument()
  })
})

describe('求助 tab', () => {
  test('offers volunteers the pool and their jobs, workers their desk, and residents neither', async () => {
    await become(emulator(), RESIDENT)
    const resident = render(<NeedsPage />)
    expect(await screen.findByText('我的需求')).toBeInTheDocument()
    expect(screen.getByText('我要求助')).toBeInTheDocument()
    for (const shortcut of ['需求大厅', '我接的单', '待审核', '全部需求', '代居民发布'])
      expect(screen.queryByText(shortcut)).not.toBeInTheDocument()
    resident.unmount()

    await become(emulator(), VOLUNTEER)
    const volunteer = render(<NeedsPage />)
    expect(await screen.findByText('需求大厅')).toBeInTheDocument()
    expect(screen.getByText('我接的单')).toBeInTheDocument()
    expect(screen.queryByText('代居民发布')).not.toBeInTheDocument()
    volunteer.unmount()

    await become(emulator(), WORKER)
    render(<NeedsPage />)
    expect(await screen.findByText('待审核')).toBeInTheDocument()
    expect(screen.getByText('全部需求')).toBeInTheDocument()
    expect(screen.getByText('代居民发布')).toBeInTheDocument()
  })
})

describe('求助详情', () => {
  test('a resident confirms a done need with 5 stars, and the volunteer gets need points + the 5-star bonus', async () => {
    const need = await postNeed(emulator(), '帮忙换个灯泡')
    await needs(emulator(), WORKER, { action: 'review', id: need.id, approve: true })
    await needs(emulator(), VOLUNTEER, { action: 'claim', id: need.id })
    await needs(emulator(), VOLUNTEER, { action: 'complete', id: need.id, minutes: 40 })
    const before = await callAs<PointsSummaryFull>(emulator(), VOLUNTEER, { action: 'summary' }, 'points')
    await become(emulator(), RESIDENT)

    openDetail(need.id)

    expect(await screen.findByText('帮完了吗？请确认并评价')).toBeInTheDocument()
    fireEvent.click(screen.getByLabelText('5星'))
    expect(screen.getByText('非常满意')).toBeInTheDocument()
    expect(screen.getByText('确认后，张桂芹将获得 30 积分（需求积分 20 + 五星奖励 10）')).toBeInTheDocument()
    await typeInto('例如：小张很耐心，谢谢！', '很耐心，谢谢！')
    await tap('确认完成')

    expect(await screen.findByText('已完成，谢谢张桂芹的帮助！')).toBeInTheDocument()
    const confirmed = await needs<Need>(emulator(), RESIDENT, { action: 'get', id: need.id })
    expect(confirmed).toMatchObject({ status: 'confirmed', rating: 5, comment: '很耐心，谢谢！' })
    const after = await callAs<PointsSummaryFull>(emulator(), VOLUNTEER, { action: 'summary' }, 'points')
    expect(after.balance - before.balance).toBe(30)
  })

  test('confirming without choosing stars asks for them and changes nothing', async () => {
    const need = await postNeed(emulator(), '帮忙修一下水龙头')
    await needs(emulator(), WORKER, { action: 'review', id: need.id, approve: true })
    await needs(emulator(), VOLUNTEER, { action: 'claim', id: need.id })
    await needs(emulator(), VOLUNTEER, { action: 'complete', id: need.id, minutes: 30 })
    await become(emulator(), RESIDENT)

    openDetail(need.id)
    await tap('确认完成')

    expect(await screen.findByText('请点星星，选择您对这次帮助满不满意')).toBeInTheDocument()
    const still = await needs<Need>(emulator(), RESIDENT, { action: 'get', id: need.id })
    expect(still.status).toBe('done')
  })

  test('a volunteer who is not the assignee never sees the address or the phone', async () => {
    const need = await postNeed(emulator(), '陪老人去医院拿药')
    await needs(emulator(), WORKER, { action: 'review', id: need.id, approve: true })
    await become(emulator(), OTHER_VOLUNTEER)

    // Open in the pool: the need, but not where or whom to call.
    const { unmount } = openDetail(need.id)
    expect(await screen.findByText('陪老人去医院拿药')).toBeInTheDocument()
    expect(screen.getByText('为保护居民隐私，接单后才能看到地址和电话。')).toBeInTheDocument()
    expect(document.body.textContent).not.toContain(ADDRESS)
    expect(document.body.textContent).not.toContain(PHONE)
    unmount()

    // Taken by someone else: not even the need.
    await needs(emulator(), VOLUNTEER, { action: 'claim', id: need.id })
    const second = openDetail(need.id)
    expect(await screen.findByText('您不能查看这个需求')).toBeInTheDocument()
    expect(document.body.textContent).not.toContain(ADDRESS)
    expect(document.body.textContent).not.toContain(PHONE)
    second.unmount()

    // The assignee does see them, as taps: the number is called, the address (no map in a browser) copied.
    await become(emulator(), VOLUNTEER)
    openDetail(need.id)
    expect(await screen.findByText(ADDRESS)).toBeInTheDocument()
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    const copy = jest
      .spyOn(Taro, 'setClipboardData')
      .mockResolvedValue({ errMsg: 'setClipboardData:ok', data: ADDRESS })
    fireEvent.click(screen.getByText(PHONE))
    expect(call).toHaveBeenCalledWith({ phoneNumber: PHONE })
    expect(screen.getByText('地址（点一下复制）')).toBeInTheDocument()
    fireEvent.click(screen.getByText(ADDRESS))
    expect(copy).toHaveBeenCalledWith({ data: ADDRESS })
    call.mockRestore()
    copy.mockRestore()
  })

  test('a resident cancels a pending need after confirming', async () => {
    const need = await postNeed(emulator(), '帮忙取个快递')
    await become(emulator(), RESIDENT)

    openDetail(need.id)
    await tap('不需要了，取消求助')
    expect(await screen.findByText('取消这条求助？')).toBeInTheDocument()
    await tap('确认取消')

    await waitFor(async () =>
      expect((await needs<Need>(emulator(), RESIDENT, { action: 'get', id: need.id })).status).toBe(
        'cancelled',
      ),
    )
    expect(await screen.findByText('已取消', { selector: '.detail__notice-title' })).toBeInTheDocument()
  })
})
