import { screen, waitFor, within } from '@testing-library/react'
import type { Activity } from '@shared/activities'
import type { ProjectDetail } from '@shared/corners'
import CornerPage from '@/packages/corners/pages/corner'
import ProjectPage from '@/packages/corners/pages/project'
import { NEWCOMER, activities, become, corners, openAt, publishActivity } from './corners-support'
import { startEmulatorForFile, tap } from './support/app'

const emulator = startEmulatorForFile()

const PROJECT_PATH = '/packages/corners/pages/project/index'

/** The card of the activity titled `title`, once it shows. */
async function activityCard(title: string): Promise<HTMLElement> {
  return (await screen.findByText(title)).closest('.card') as HTMLElement
}

async function activity(id: string, openid = NEWCOMER): Promise<Activity> {
  return activities<Activity>(emulator(), openid, { action: 'get', id })
}

describe('公益角 and 公益项目 pages', () => {
  test('a corner shows its schedule, address and the projects it shows now', async () => {
    const { projects } = await corners<{ projects: ProjectDetail['project'][] }>(emulator(), NEWCOMER, {
      action: 'get',
      id: 'corner-shiji-park',
    })
    await become(emulator(), NEWCOMER)
    openAt(CornerPage, '/packages/corners/pages/corner/index', { id: 'corner-shiji-park' })

    expect(await screen.findByText('世纪公园')).toBeInTheDocument()
    expect(screen.getByText('时间：每周六、周日 09:00-11:30')).toBeInTheDocument()
    expect(screen.getByText('说明：节假日照常')).toBeInTheDocument()
    expect(screen.getByText('地址：裕华区槐安东路与建华南大街交口东南角')).toBeInTheDocument()
    expect(screen.getByText(`这里的公益项目（${projects.length}个）`)).toBeInTheDocument()
    for (const project of projects) expect(screen.getByText(project.title)).toBeInTheDocument()
  })

  test('signs up for an activity after confirming, and the places left go down by one', async () => {
    const before = await activity('demo-act-xiaohongmao-1')
    expect(before.myState).toBeNull()
    const left = before.capacity - before.signedUp
    await become(emulator(), NEWCOMER)
    openAt(ProjectPage, PROJECT_PATH, { id: 'project-xiaohongmao' })

    expect(await screen.findByText('“爱心小红帽”困境老人关爱行动')).toBeInTheDocument()
    expect(screen.getByText('主办：裕华区德仁社会工作事业发展中心')).toBeInTheDocument()
    const card = await activityCard(before.title)
    expect(card).toHaveTextContent(`名额：还剩 ${left} 个（共 ${before.capacity} 个）`)
    expect(card).toHaveTextContent('积分：每服务 1 小时得 10 分')

    await tap('我要报名', card)
    expect(await screen.findByText('确认报名？')).toBeInTheDocument()
    await tap('确认报名')

    await waitFor(() => expect(card).toHaveTextContent(`名额：还剩 ${left - 1} 个`))
    expect(within(card).getByText('已报名')).toBeInTheDocument()
    expect(within(card).getByText('到“我的活动”签到')).toBeInTheDocument()
    const after = await activity(before.id)
    expect(after).toMatchObject({ signedUp: before.signedUp + 1, myState: 'signed' })
  })

  test('a full activity says so, and a place taken by someone else meanwhile is refused in plain Chinese', async () => {
    const full = await activity('demo-act-yiduanpai-1')
    expect(full.signedUp).toBe(full.capacity)
    const last = await publishActivity(emulator(), {
      projectId: 'project-yiduanpai',
      title: '手机拍短片：最后一个名额',
      capacity: 1,
    })
    await become(emulator(), NEWCOMER)
    openAt(ProjectPage, PROJECT_PATH, { id: 'project-yiduanpai' })

    const fullCard = await activityCard(full.title)
    expect(fullCard).toHaveTextContent(`名额：已报满（共 ${full.capacity} 个）`)
    expect(within(fullCard).getByText('名额已满')).toBeInTheDocument()
    expect(within(fullCard).queryByText('我要报名')).not.toBeInTheDocument()

    const lastCard = await activityCard(last.title)
    expect(lastCard).toHaveTextContent('名额：还剩 1 个')
    // Someone else takes the last place while the page is open.
    await activities(emulator(), 'someone-quicker', { action: 'signup', id: last.id })
    await tap('我要报名', lastCard)
    await tap('确认报名')

    expect(await within(lastCard).findByText('名额已经报满了，请看看其他活动')).toBeInTheDocument()
    await waitFor(() => expect(lastCard).toHaveTextContent('名额：已报满（共 1 个）'))
    expect(screen.queryByText('确认报名？')).not.toBeInTheDocument()
    await waitFor(async () => expect(await activity(last.id)).toMatchObject({ signedUp: 1, myState: null }))
  })

  test('an activity at the same time as one of mine is refused with the reason', async () => {
    const mine = await publishActivity(emulator(), { projectId: 'project-shimenbaijing', title: '老街拍照' })
    const clash = await publishActivity(emulator(), {
      projectId: 'project-shimenbaijing',
      title: '老照片展讲解',
      startAt: mine.startAt + 3600_000,
      endAt: mine.endAt + 3600_000,
    })
    await activities(emulator(), NEWCOMER, { action: 'signup', id: mine.id })
    await become(emulator(), NEWCOMER)
    openAt(ProjectPage, PROJECT_PATH, { id: 'project-shimenbaijing' })

    const card = await activityCard(clash.title)
    await tap('我要报名', card)
    await tap('确认报名')

    expect(
      await within(card).findByText('这个活动和您已报名的「老街拍照」时间冲突，不能同时参加'),
    ).toBeInTheDocument()
    // The page reads the activity again after a refusal; nothing changed.
    await waitFor(() => expect(screen.queryByText('确认报名？')).not.toBeInTheDocument())
    await waitFor(async () => expect(await activity(clash.id)).toMatchObject({ signedUp: 0, myState: null }))
  })

  test('shows workers the check-in code and attendance of each activity', async () => {
    await become(emulator(), 'demo-worker-liu')
    openAt(ProjectPage, PROJECT_PATH, { id: 'project-xiaohongmao' })
    const card = await activityCard('“小红帽”志愿者招募与培训')
    expect(within(card).getByText('出示签到码')).toBeInTheDocument()
    expect(within(card).getByText('签到名单')).toBeInTheDocument()
  })
})
