import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { Need } from '@shared/needs'
import type { Page } from '@shared/envelope'
import NeedsAllPage from '@/packages/worker/pages/needs-all'
import NeedsCreatePage from '@/packages/worker/pages/needs-create'
import NeedsReviewPage from '@/packages/worker/pages/needs-review'
import {
  OTHER_VOLUNTEER,
  RESIDENT,
  VOLUNTEER,
  WORKER,
  become,
  needs,
  openDetail,
  postNeed,
  routeTo,
} from './needs-support'
import { startEmulatorForFile, tap, typeInto, waitForGone } from './support/app'

const emulator = startEmulatorForFile()

async function cardOf(title: string): Promise<HTMLElement> {
  return (await screen.findByText(title)).closest('.need-card') as HTMLElement
}

describe('待审核', () => {
  test('a worker approves a pending need with the points chosen, after confirming', async () => {
    const need = await postNeed(emulator(), '帮忙修一下收音机')
    await become(emulator(), WORKER)
    render(<NeedsReviewPage />)

    const card = await cardOf('帮忙修一下收音机')
    expect(within(card).getByText('20 分')).toBeInTheDocument()
    fireEvent.click(within(card).getByLabelText('增加积分'))
    expect(within(card).getByText('25 分')).toBeInTheDocument()
    await tap('通过', card)
    expect(await screen.findByText('通过这个需求？')).toBeInTheDocument()
    await tap('确认通过')

    await waitForGone('帮忙修一下收音机')
    const approved = await needs(emulator(), RESIDENT, { action: 'get', id: need.id })
    expect(approved).toMatchObject({ status: 'open', points: 25 })
  })

  test('rejecting needs a written reason, which the resident then sees', async () => {
    const need = await postNeed(emulator(), '帮忙搬钢琴')
    await become(emulator(), WORKER)
    render(<NeedsReviewPage />)

    await tap('不通过', await cardOf('帮忙搬钢琴'))
    await tap('确认不通过')
    expect(await screen.findByText('不通过时请填写原因')).toBeInTheDocument()
    expect((await needs(emulator(), RESIDENT, { action: 'get', id: need.id })).status).toBe('pending')

    await typeInto('例如：属于商业服务，建议联系物业', '请联系专业搬运公司')
    await tap('确认不通过')

    await waitForGone('帮忙搬钢琴')
    const rejected = await needs(emulator(), RESIDENT, { action: 'get', id: need.id })
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '请联系专业搬运公司' })
  })

  test('tells a volunteer that only workers may review', async () => {
    await become(emulator(), VOLUNTEER)
    render(<NeedsReviewPage />)

    expect(await screen.findByText('仅社工可以使用')).toBeInTheDocument()
  })
})

describe('全部需求', () => {
  beforeEach(() => {
    routeTo('/packages/worker/pages/needs-all/index')
  })

  test('a worker dispatches an open need to a volunteer found by name', async () => {
    const need = await postNeed(emulator(), '帮忙给老人理发')
    await needs(emulator(), WORKER, { action: 'review', id: need.id, approve: true })
    await become(emulator(), WORKER)
    render(<NeedsAllPage />)

    await tap('待接单', await screen.findByRole('tablist'))
    await tap('派给志愿者', await cardOf('帮忙给老人理发'))
    expect(await screen.findByText('派给哪位志愿者？')).toBeInTheDocument()
    await typeInto('姓名，或手机号后4位', '陈志强')
    await tap('搜索')
    const row = (await screen.findByText('陈志强')).closest('.volunteer-picker__person') as HTMLElement
    await tap('派单', row)
    expect(await screen.findByText('派给陈志强？')).toBeInTheDocument()
    await tap('确认派单')

    await waitForGone('派给哪位志愿者？')
    await waitFor(() =>
      expect(
        within(screen.getByText('帮忙给老人理发').closest('.need-card') as HTMLElement).getByText('服务中'),
      ).toBeInTheDocument(),
    )
    const dispatched = await needs(emulator(), RESIDENT, { action: 'get', id: need.id })
    expect(dispatched.status).toBe('assigned')
    expect(dispatched.assignee?.openid).toBe('demo-volunteer-chen')
  })

  test('the dispatch picker shows each volunteer’s skills, 同社区 and open tasks, neighbours first', async () => {
    const need = await postNeed(emulator(), '帮忙修一下电饭煲')
    await needs(emulator(), WORKER, { action: 'review', id: need.id, approve: true })
    // 张桂芹 (another community) takes two needs; one more is dispatched to 陈志强 (the resident's community).
    for (const title of ['帮忙取药', '帮忙买菜']) {
      const other = await postNeed(emulator(), title)
      await needs(emulator(), WORKER, { action: 'review', id: other.id, approve: true })
      await needs(emulator(), VOLUNTEER, { action: 'claim', id: other.id })
    }
    const third = await postNeed(emulator(), '帮忙换灯泡')
    await needs(emulator(), WORKER, { action: 'review', id: third.id, approve: true })
    await needs(emulator(), WORKER, { action: 'dispatch', id: third.id, volunteerOpenid: OTHER_VOLUNTEER })
    const holding = async (openid: string) =>
      (await needs<Page<Need>>(emulator(), openid, { action: 'list', scope: 'assigned' })).items.filter(
        (n) => n.status === 'assigned',
      ).length
    const [zhangTasks, chenTasks] = [await holding(VOLUNTEER), await holding(OTHER_VOLUNTEER)]
    expect(zhangTasks).toBeGreaterThanOrEqual(2)

    await become(emulator(), WORKER)
    render(<NeedsAllPage />)
    await tap('待接单', await screen.findByRole('tablist'))
    await tap('派给志愿者', await cardOf('帮忙修一下电饭煲'))
    const rows = async () => {
      await screen.findByText('陈志强')
      return [...document.querySelectorAll<HTMLElement>('.volunteer-picker__person')]
    }
    const rowOf = async (name: string) =>
      (await screen.findByText(name)).closest('.volunteer-picker__person') as HTMLElement

    const chen = await rowOf('陈志强')
    expect(within(chen).getByText('同社区')).toBeInTheDocument()
    expect(within(chen).getByText('擅长：家电维修、驾驶')).toBeInTheDocument()
    expect(within(chen).getByText(`手上 ${chenTasks} 件服务中`)).toBeInTheDocument()
    const zhang = await rowOf('张桂芹')
    expect(within(zhang).queryByText('同社区')).toBeNull()
    expect(within(zhang).getByText('擅长：陪伴聊天、代买代办、助医陪诊')).toBeInTheDocument()
    expect(within(zhang).getByText(`手上 ${zhangTasks} 件服务中`)).toBeInTheDocument()
    // Neighbours first: every 同社区 row comes before every other.
    const near = (await rows()).map((r) => within(r).queryByText('同社区') !== null)
    expect(near[0]).toBe(true)
    expect(near.indexOf(false)).toBeGreaterThan(0)
    expect(near.slice(near.indexOf(false)).every((n) => !n)).toBe(true)

    // The confirmation says how busy the volunteer is.
    await tap('派单', zhang)
    expect(
      await screen.findByText(new RegExp(`手上 ${zhangTasks} 件服务中`), { selector: '.confirm-dialog *' }),
    ).toBeInTheDocument()
  })

  test('the status filter lists only needs in that state', async () => {
    await become(emulator(), WORKER)
    render(<NeedsAllPage />)
    expect(await screen.findByText('想找人帮忙搬家')).toBeInTheDocument()

    await tap('待确认', await screen.findByRole('tablist'))
    expect(await screen.findByText('电视机没有信号了')).toBeInTheDocument()
    expect(screen.queryByText('想找人帮忙搬家')).not.toBeInTheDocument()
  })

  test('a worker confirms a done need for the resident from its page', async () => {
    const { items } = await needs<{ items: Need[] }>(emulator(), WORKER, {
      action: 'list',
      scope: 'all',
      status: 'done',
    })
    const done = items[0]
    await become(emulator(), WORKER)

    openDetail(done.id)
    expect(await screen.findByText('代居民确认并评价')).toBeInTheDocument()
    fireEvent.click(screen.getByLabelText('4星'))
    await tap('代居民确认完成')

    expect(await screen.findByText(/^已完成，谢谢/)).toBeInTheDocument()
    expect(await needs(emulator(), WORKER, { action: 'get', id: done.id })).toMatchObject({
      status: 'confirmed',
      rating: 4,
    })
  })
})

describe('代居民发布', () => {
  test('a worker posts for an elderly resident by name', async () => {
    await become(emulator(), WORKER)
    render(<NeedsCreatePage />)

    await typeInto('例如：刘凤琴', '马桂兰')
    await tap('助老')
    await typeInto('例如：帮忙买一周的菜', '老人家里暖气不热')
    await typeInto(
      '例如：腿脚不方便，想请人帮忙买青菜和鸡蛋，钱当面给',
      '马奶奶独居，暖气不热，需要有人帮忙联系物业。',
    )
    await typeInto('例如：3栋1单元101', '建华南社区6栋1单元102')
    await typeInto('例如：13912345678', '0311-85012345')
    await tap('代居民发布')

    expect(await screen.findByText('已代马桂兰发布')).toBeInTheDocument()
    const posted = (
      await needs<{ items: Need[] }>(emulator(), WORKER, { action: 'list', scope: 'review' })
    ).items.find((n) => n.title === '老人家里暖气不热')
    expect(posted).toMatchObject({
      status: 'pending',
      onBehalfOf: { name: '马桂兰' },
      contactPhone: '0311-85012345',
    })
  })
})

describe('放弃记录', () => {
  test('a worker sees on a need who released it and when; the requester does not', async () => {
    const need = await postNeed(emulator(), '帮忙换灯泡')
    await needs(emulator(), WORKER, { action: 'review', id: need.id, approve: true })
    await needs(emulator(), VOLUNTEER, { action: 'claim', id: need.id })
    await needs(emulator(), VOLUNTEER, { action: 'release', id: need.id })

    await become(emulator(), WORKER)
    const { unmount } = openDetail(need.id)
    expect(await screen.findByText('放弃记录')).toBeInTheDocument()
    expect(screen.getByText(/志愿者张桂芹放弃了$/)).toBeInTheDocument()
    unmount()

    await become(emulator(), RESIDENT)
    openDetail(need.id)
    await screen.findByText('帮忙换灯泡')
    expect(screen.queryByText('放弃记录')).not.toBeInTheDocument()
  })
})
