import { render, screen, within } from '@testing-library/react'
import { ROLE_LABELS, type Me } from '@shared/user'
import HomePage from '@/pages/home'
import MePage from '@/pages/me'
import { callAs, demoIdentities, tap, startEmulatorForFile } from './support/app'

const emulator = startEmulatorForFile()

describe('体验身份 (H5 only)', () => {
  test('opens by itself on a first visit and lists the demo people under their roles', async () => {
    const people = await demoIdentities(emulator())
    render(<MePage />)

    const picker = await screen.findByRole('dialog', { name: '选择体验身份' })
    expect(within(picker).getByText('请选择体验身份')).toBeInTheDocument()
    for (const person of people) expect(await within(picker).findByText(person.name)).toBeInTheDocument()
    for (const role of new Set(people.map((p) => p.role))) {
      expect(
        within(picker).getByText(ROLE_LABELS[role], { selector: '.identity-picker__group-title' }),
      ).toBeInTheDocument()
    }
    // Nobody is logged in until someone is chosen, and the picker cannot be dismissed.
    expect(within(picker).queryByText('不换了')).not.toBeInTheDocument()
  })

  test('choosing a person logs in as them, and switching changes who 我的 shows', async () => {
    const people = await demoIdentities(emulator())
    const resident = people.find((p) => p.role === 'resident')!
    const worker = people.find((p) => p.role === 'worker')!
    const residentMe = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
    const workerMe = await callAs<Me>(emulator(), worker.openid, { action: 'login' })
    render(<MePage />)

    await tap(resident.name, await screen.findByRole('dialog'))
    expect(
      await screen.findByText(residentMe.profile.nickname, { selector: '.me__nickname' }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.queryByText('志愿者审核')).not.toBeInTheDocument()

    await tap('切换体验身份')
    const picker = await screen.findByRole('dialog')
    await tap(worker.name, picker)

    expect(
      await screen.findByText(workerMe.profile.nickname, { selector: '.me__nickname' }),
    ).toBeInTheDocument()
    expect(screen.getByText('志愿者审核')).toBeInTheDocument()
  })

  test('the picker can be closed without switching once someone is chosen', async () => {
    const [first] = await demoIdentities(emulator())
    const me = await callAs<Me>(emulator(), first.openid, { action: 'login' })
    render(<MePage />)
    await tap(first.name, await screen.findByRole('dialog'))
    await screen.findByText(me.profile.nickname, { selector: '.me__nickname' })

    await tap('切换体验身份')
    await tap('不换了', await screen.findByRole('dialog'))

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByText(me.profile.nickname, { selector: '.me__nickname' })).toBeInTheDocument()
  })

  test('首页 says whom the visitor is acting as', async () => {
    const people = await demoIdentities(emulator())
    const worker = people.find((p) => p.role === 'worker')!
    render(<HomePage />)

    await tap(worker.name, await screen.findByRole('dialog'))

    expect(await screen.findByText(`正在体验：${worker.name}（社工）`)).toBeInTheDocument()
    expect(await screen.findByText('志愿者审核')).toBeInTheDocument()
  })
})
