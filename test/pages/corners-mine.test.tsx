import { screen, waitFor, within } from '@testing-library/react'
import type { Participation } from '@shared/activities'
import type { Page } from '@shared/envelope'
import MyActivitiesPage from '@/packages/corners/pages/mine'
import { ONGOING, RESIDENT, activities, become, currentCode, openAt } from './corners-support'
import { startEmulatorForFile, tap, typeInto } from './support/app'

const emulator = startEmulatorForFile()

const ONGOING_TITLE = '石门百景：老照片展现场讲解'

async function myPlaces(when: 'upcoming' | 'past' = 'upcoming'): Promise<Participation[]> {
  return (await activities<Page<Participation>>(emulator(), RESIDENT, { action: 'mine', when })).items
}

async function myPlace(activityId: string): Promise<Participation | undefined> {
  return (await myPlaces()).find((p) => p.activity.id === activityId)
}

async function openMine(): Promise<void> {
  await become(emulator(), RESIDENT)
  openAt(MyActivitiesPage, '/packages/corners/pages/mine/index')
}

async function cardOf(title: string): Promise<HTMLElement> {
  return (await screen.findByText(title)).closest('.card') as HTMLElement
}

describe('我的活动', () => {
  test('lists my places with their state, and checks in with the six digits the worker shows', async () => {
    const code = await currentCode(emulator(), ONGOING)
    const places = await myPlaces()
    await openMine()

    for (const place of places) expect(await screen.findByText(place.activity.title)).toBeInTheDocument()
    const card = await cardOf(ONGOING_TITLE)
    expect(within(card).getByText('已报名')).toBeInTheDocument()
    await tap('签到', card)
    await typeInto('6位签到码', code)
    await tap('确认签到', card)

    expect(await within(card).findByText('已签到')).toBeInTheDocument()
    expect(card).toHaveTextContent(/签到时间：今天 \d\d:\d\d/)
    expect(within(card).getByText('签退')).toBeInTheDocument()
    expect(await myPlace(ONGOING)).toMatchObject({ state: 'checked-in' })
  })

  test('refuses a wrong code in plain Chinese and changes nothing', async () => {
    const code = await currentCode(emulator(), ONGOING)
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    await openMine()

    const card = await cardOf(ONGOING_TITLE)
    await tap('签到', card)
    await typeInto('6位签到码', '12345')
    await tap('确认签到', card)
    expect(within(card).getByText('签到码是6位数字，请看清社工手机上的数字')).toBeInTheDocument()

    await typeInto('6位签到码', wrong)
    await tap('确认签到', card)
    expect(await within(card).findByText('签到码不对或已经过期，请扫描现场最新的签到码')).toBeInTheDocument()
    expect(within(card).getByText('已报名')).toBeInTheDocument()
    expect(await myPlace(ONGOING)).toMatchObject({ state: 'signed', checkinAt: null })
  })

  test('checks out later with the code shown then, and shows the minutes served', async () => {
    await activities(emulator(), RESIDENT, {
      action: 'checkin',
      id: ONGOING,
      code: await currentCode(emulator(), ONGOING),
    })
    await emulator().advanceClock(45 * 60_000)
    const code = await currentCode(emulator(), ONGOING)
    await openMine()

    const card = await cardOf(ONGOING_TITLE)
    expect(within(card).getByText('已签到')).toBeInTheDocument()
    await tap('签退', card)
    await typeInto('6位签到码', code)
    await tap('确认签退', card)

    expect(await within(card).findByText('已签退')).toBeInTheDocument()
    expect(within(card).getByText('服务约 45分钟')).toBeInTheDocument()
    expect(within(card).getByText('社工确认时长后，积分就到账。')).toBeInTheDocument()
    expect(await myPlace(ONGOING)).toMatchObject({ state: 'checked-out', minutes: null })
  })

  test('gives a place back after confirming, which frees it for others', async () => {
    const place = (await myPlaces()).find((p) => p.state === 'signed' && p.activity.id !== ONGOING)
    if (!place) throw new Error('李建国 holds no other coming place in the demo seed')
    await openMine()

    const card = await cardOf(place.activity.title)
    await tap('取消报名', card)
    expect(await screen.findByText('确定取消报名？')).toBeInTheDocument()
    await tap('确定取消')

    await waitFor(() => expect(screen.queryByText(place.activity.title)).not.toBeInTheDocument())
    expect(await myPlace(place.activity.id)).toBeUndefined()
    const after = await activities<{ signedUp: number }>(emulator(), RESIDENT, {
      action: 'get',
      id: place.activity.id,
    })
    expect(after.signedUp).toBe(place.activity.signedUp - 1)
  })

  test('shows the minutes and points of a confirmed place among the ended ones', async () => {
    await become(emulator(), 'demo-volunteer-zhang')
    openAt(MyActivitiesPage, '/packages/corners/pages/mine/index')
    await tap('已结束')
    const card = await cardOf('“小红帽”陪老人逛公益角')
    expect(within(card).getByText('已确认时长')).toBeInTheDocument()
    expect(card).toHaveTextContent(/服务 \d+小时(\d+分钟)?，得到 \d+ 积分/)
  })
})
