import { fireEvent, render, screen } from '@testing-library/react'
import { VOLUNTEER_STATUS_LABELS, type Me } from '@shared/user'
import ApplyPage from '@/packages/profile/pages/volunteer-apply'
import MePage from '@/pages/me'
import { actAs, callAs, findIdentity, tap, typeInto, startEmulatorForFile } from './support/app'

const emulator = startEmulatorForFile()

async function newcomer() {
  const resident = await findIdentity(emulator(), 'resident', (me: Me) => me.volunteer === null)
  actAs(resident)
  return resident
}

describe('申请成为志愿者', () => {
  test('refuses a bad phone number with the Chinese message and sends nothing', async () => {
    const resident = await newcomer()
    render(<ApplyPage />)
    await screen.findByText('提交申请')

    await typeInto('例如：张秀芹', '王秀兰')
    await typeInto('11位手机号', '12345')
    await tap('陪伴聊天')
    await tap('提交申请')

    expect(await screen.findByText('手机号应为11位数字，以1开头')).toBeInTheDocument()
    const me = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
    expect(me.volunteer).toBeNull()
  })

  test('asks for at least one skill before sending', async () => {
    await newcomer()
    render(<ApplyPage />)
    await screen.findByText('提交申请')

    await typeInto('例如：张秀芹', '王秀兰')
    await typeInto('11位手机号', '13912345678')
    await tap('提交申请')

    expect(await screen.findByText('请选择至少一项技能')).toBeInTheDocument()
  })

  test('sends a valid application, says it waits for a worker, and 我的 then shows 审核中', async () => {
    const resident = await newcomer()
    const { unmount } = render(<ApplyPage />)
    await screen.findByText('提交申请')

    await typeInto('例如：张秀芹', '王秀兰')
    await typeInto('11位手机号', '13912345678')
    await tap('陪伴聊天')
    await tap('理发')
    await typeInto('其他特长，如做饭', '做饭')
    await tap('添加')
    await tap('提交申请')

    expect(await screen.findByText('已提交，请等待社工审核')).toBeInTheDocument()
    const me = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
    expect(me.volunteer).toMatchObject({ status: 'pending', realName: '王秀兰' })
    expect(me.volunteer?.skills).toEqual(expect.arrayContaining(['陪伴聊天', '理发', '做饭']))
    unmount()

    render(<MePage />)
    expect(await screen.findByText(VOLUNTEER_STATUS_LABELS.pending)).toBeInTheDocument()
    expect(screen.queryByText('申请成为志愿者')).not.toBeInTheDocument()
  })

  test('a tapped skill tag can be tapped again to take it back', async () => {
    await newcomer()
    render(<ApplyPage />)
    await screen.findByText('提交申请')

    const check = () => screen.getByText('理发').querySelector('[data-icon="check"]')
    expect(check()).toBeNull()
    await tap('理发')
    expect(check()).not.toBeNull()
    fireEvent.click(screen.getByText('理发'))
    expect(check()).toBeNull()
  })

  test('tells an applicant who is already waiting that the application is under review', async () => {
    const resident = await newcomer()
    await callAs(emulator(), resident.openid, {
      action: 'applyVolunteer',
      realName: '王秀兰',
      phone: '13912345678',
      skills: ['理发'],
    })

    render(<ApplyPage />)

    expect(await screen.findByText('您的申请正在审核中')).toBeInTheDocument()
    expect(screen.queryByText('提交申请')).not.toBeInTheDocument()
  })
})
