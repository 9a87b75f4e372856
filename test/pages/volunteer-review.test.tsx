import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { Me } from '@shared/user'
import ReviewPage from '@/packages/worker/pages/volunteer-review'
import { actAs, callAs, findIdentity, tap, typeInto, startEmulatorForFile, waitForGone } from './support/app'

const emulator = startEmulatorForFile()

/** A demo resident who sends a volunteer application under `realName`. */
async function applicant(realName: string) {
  const resident = await findIdentity(emulator(), 'resident', (me: Me) => me.volunteer === null)
  await callAs(emulator(), resident.openid, {
    action: 'applyVolunteer',
    realName,
    phone: '13912340000',
    skills: ['代买代办', '理发'],
  })
  return resident
}

/** The card of the application of `realName`, once the list shows it. */
async function cardOf(realName: string): Promise<HTMLElement> {
  return (await screen.findByText(realName)).closest('.review__item') as HTMLElement
}

describe('志愿者审核', () => {
  test('tells a non-worker that only workers may use it and lists nothing', async () => {
    const resident = await findIdentity(emulator(), 'resident')
    actAs(resident)

    render(<ReviewPage />)

    expect(await screen.findByText('仅社工可以使用')).toBeInTheDocument()
    expect(screen.queryByText('待审核')).not.toBeInTheDocument()
  })

  test('shows a worker each pending application with name, phone, skills and time', async () => {
    await applicant('周卫东')
    actAs(await findIdentity(emulator(), 'worker'))

    render(<ReviewPage />)

    const card = await cardOf('周卫东')
    expect(within(card).getByText('电话：13912340000')).toBeInTheDocument()
    expect(within(card).getByText('代买代办')).toBeInTheDocument()
    expect(within(card).getByText('理发')).toBeInTheDocument()
    expect(within(card).getByText(/^申请时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)).toBeInTheDocument()
  })

  test('a worker approves an applicant after confirming, and the application leaves the list', async () => {
    const resident = await applicant('周卫东')
    actAs(await findIdentity(emulator(), 'worker'))
    render(<ReviewPage />)

    await tap('通过', await cardOf('周卫东'))
    expect(await screen.findByText('通过这份申请？')).toBeInTheDocument()
    await tap('确认通过')

    await waitForGone('周卫东')
    expect(await screen.findByText('已通过周卫东的申请')).toBeInTheDocument()
    const me = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
    expect(me.roles).toContain('volunteer')
    expect(me.volunteer?.status).toBe('approved')
  })

  test('closing the confirm dialog changes nothing', async () => {
    const resident = await applicant('周卫东')
    actAs(await findIdentity(emulator(), 'worker'))
    render(<ReviewPage />)

    await tap('通过', await cardOf('周卫东'))
    await tap('再想想', (await screen.findByText('通过这份申请？')).closest('.confirm-dialog') as HTMLElement)

    await waitForGone('通过这份申请？')
    expect(screen.getByText('周卫东')).toBeInTheDocument()
    const me = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
    expect(me.volunteer?.status).toBe('pending')
  })

  test('refusing needs a written reason, which the applicant then sees', async () => {
    const resident = await applicant('周卫东')
    actAs(await findIdentity(emulator(), 'worker'))
    render(<ReviewPage />)

    await tap('不通过', await cardOf('周卫东'))
    await tap('确认不通过')
    expect(await screen.findByText('不通过时请填写原因')).toBeInTheDocument()
    expect((await callAs<Me>(emulator(), resident.openid, { action: 'login' })).volunteer?.status).toBe(
      'pending',
    )

    await typeInto('例如：电话没有打通，请核对号码', '电话没有打通')
    await tap('确认不通过')

    await waitForGone('周卫东')
    const me = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
    expect(me.volunteer).toMatchObject({ status: 'rejected', reason: '电话没有打通' })
  })

  test('a worker can suspend an approved volunteer, with a reason, from the 已通过 tab', async () => {
    const resident = await applicant('周卫东')
    const worker = await findIdentity(emulator(), 'worker')
    await callAs(emulator(), worker.openid, {
      action: 'reviewVolunteer',
      openid: resident.openid,
      approve: true,
    })
    actAs(worker)
    render(<ReviewPage />)

    await tap('已通过')
    await tap('暂停志愿者资格', await cardOf('周卫东'))
    expect(await screen.findByText('暂停志愿者资格？')).toBeInTheDocument()
    await typeInto('例如：多次接单后没有上门', '多次没有上门')
    await tap('确认暂停')

    await waitForGone('周卫东')
    const me = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
    expect(me.roles).not.toContain('volunteer')
  })

  test('the tabs list pending, approved and refused applications separately', async () => {
    await applicant('周卫东')
    actAs(await findIdentity(emulator(), 'worker'))
    render(<ReviewPage />)
    await cardOf('周卫东')

    fireEvent.click(screen.getByText('未通过'))
    await waitFor(() => expect(screen.queryByText('周卫东')).not.toBeInTheDocument())
    fireEvent.click(screen.getByText('待审核'))
    expect(await screen.findByText('周卫东')).toBeInTheDocument()
  })
})
