import { render, screen, within } from '@testing-library/react'
import { ROLE_LABELS, VOLUNTEER_STATUS_LABELS, type Me } from '@shared/user'
import { hoursText, SERVICE_KIND_LABELS, SERVICE_KINDS } from '@shared/service'
import MePage from '@/pages/me'
import { actAs, callAs, findIdentity, startEmulatorForFile } from './support/app'

const emulator = startEmulatorForFile()

describe('我的', () => {
  test('shows a resident their nickname, community, masked phone, roles and points', async () => {
    const resident = await findIdentity(emulator(), 'resident')
    const me = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
    actAs(resident)

    render(<MePage />)

    expect(await screen.findByText(me.profile.nickname)).toBeInTheDocument()
    expect(screen.getByText(`社区：${me.profile.community || '还没有填写'}`)).toBeInTheDocument()
    expect(screen.getByText(`手机：${me.profile.phoneMasked || '还没有填写'}`)).toBeInTheDocument()
    for (const role of me.roles) expect(screen.getAllByText(ROLE_LABELS[role]).length).toBeGreaterThan(0)
    const points = screen.getByText('我的积分').parentElement as HTMLElement
    expect(within(points).getByText('可用积分').previousSibling).toHaveTextContent(
      String(me.points.available),
    )
    expect(within(points).getByText('总积分').previousSibling).toHaveTextContent(String(me.points.balance))
    expect(within(points).getByText('冻结中').previousSibling).toHaveTextContent(String(me.points.held))
  })

  test('offers a resident who never applied the volunteer application', async () => {
    const resident = await findIdentity(emulator(), 'resident', (me: Me) => me.volunteer === null)
    actAs(resident)

    render(<MePage />)

    expect(await screen.findByText('您还不是志愿者。愿意帮助邻居的话，欢迎申请！')).toBeInTheDocument()
    expect(screen.getByText('申请成为志愿者')).toBeInTheDocument()
  })

  test('shows the volunteer status and hides the apply button once approved', async () => {
    const volunteer = await findIdentity(
      emulator(),
      'volunteer',
      (me: Me) => me.volunteer?.status === 'approved',
    )
    const me = await callAs<Me>(emulator(), volunteer.openid, { action: 'login' })
    actAs(volunteer)

    render(<MePage />)

    const card = (await screen.findByText('申请状态：')).closest('.me__volunteer') as HTMLElement
    expect(within(card).getByText(VOLUNTEER_STATUS_LABELS.approved)).toBeInTheDocument()
    expect(within(card).getByText(`特长：${me.volunteer!.skills.join('、')}`)).toBeInTheDocument()
    expect(screen.queryByText('申请成为志愿者')).not.toBeInTheDocument()
    expect(screen.queryByText('重新申请志愿者')).not.toBeInTheDocument()
  })

  test('shows a volunteer their confirmed service time in hours, by kind', async () => {
    const volunteer = await findIdentity(emulator(), 'volunteer', (me: Me) => me.service.minutes > 0)
    const me = await callAs<Me>(emulator(), volunteer.openid, { action: 'login' })
    actAs(volunteer)

    render(<MePage />)

    const line = await screen.findByText(/^已确认的服务时长/)
    expect(line).toHaveTextContent(`共${hoursText(me.service.minutes)}小时`)
    for (const kind of SERVICE_KINDS)
      if (me.service[kind] > 0)
        expect(line).toHaveTextContent(`${SERVICE_KIND_LABELS[kind]}${hoursText(me.service[kind])}小时`)
      else expect(line).not.toHaveTextContent(SERVICE_KIND_LABELS[kind])
  })

  test('shows a refused applicant the reason and lets them apply again', async () => {
    const resident = await findIdentity(emulator(), 'resident', (me: Me) => me.volunteer === null)
    const worker = await findIdentity(emulator(), 'worker')
    await callAs(emulator(), resident.openid, {
      action: 'applyVolunteer',
      realName: '试申请',
      phone: '13900001111',
      skills: ['理发'],
    })
    await callAs(emulator(), worker.openid, {
      action: 'reviewVolunteer',
      openid: resident.openid,
      approve: false,
      reason: '电话没有打通',
    })
    actAs(resident)

    render(<MePage />)

    expect(await screen.findByText(VOLUNTEER_STATUS_LABELS.rejected)).toBeInTheDocument()
    expect(screen.getByText('原因：电话没有打通')).toBeInTheDocument()
    expect(screen.getByText('重新申请志愿者')).toBeInTheDocument()
  })

  test('shows workers the entry to 志愿者审核 and hides it from everyone else', async () => {
    const worker = await findIdentity(emulator(), 'worker')
    actAs(worker)
    const { unmount } = render(<MePage />)
    expect(await screen.findByText('志愿者审核')).toBeInTheDocument()
    unmount()

    const resident = await findIdentity(emulator(), 'resident')
    actAs(resident)
    render(<MePage />)
    expect(await screen.findByText('编辑资料')).toBeInTheDocument()
    expect(screen.queryByText('志愿者审核')).not.toBeInTheDocument()
  })
})
