import { render, screen } from '@testing-library/react'
import type { Me } from '@shared/user'
import HomePage from '@/pages/home'
import { actAs, callAs, findIdentity, startEmulatorForFile } from './support/app'

const emulator = startEmulatorForFile()

describe('首页', () => {
  test('introduces the product and what is coming', async () => {
    actAs(await findIdentity(emulator(), 'resident'))
    render(<HomePage />)

    expect(screen.getByText('小社 · 邻里公益')).toBeInTheDocument()
    for (const coming of ['邻里互助', '街头公益角', '积分超市'])
      expect(screen.getByText(coming)).toBeInTheDocument()
    expect(await screen.findByText(/^我的积分：可用 \d+ 分$/)).toBeInTheDocument()
  })

  test('offers a resident who is not a volunteer the application, and no worker screens', async () => {
    actAs(await findIdentity(emulator(), 'resident', (me: Me) => me.volunteer === null))
    render(<HomePage />)

    expect(await screen.findByText('申请成为志愿者')).toBeInTheDocument()
    expect(screen.queryByText('志愿者审核')).not.toBeInTheDocument()
  })

  test('shows an applicant that the application is under review instead of offering it again', async () => {
    const resident = await findIdentity(emulator(), 'resident', (me: Me) => me.volunteer === null)
    await callAs(emulator(), resident.openid, {
      action: 'applyVolunteer',
      realName: '王秀兰',
      phone: '13912345678',
      skills: ['理发'],
    })
    actAs(resident)
    render(<HomePage />)

    expect(await screen.findByText('我的志愿者申请：审核中')).toBeInTheDocument()
    expect(screen.queryByText('申请成为志愿者')).not.toBeInTheDocument()
  })

  test('gives workers the shortcut to 志愿者审核', async () => {
    actAs(await findIdentity(emulator(), 'worker'))
    render(<HomePage />)

    expect(await screen.findByText('志愿者审核')).toBeInTheDocument()
  })
})
