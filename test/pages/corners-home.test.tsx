import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { formatDistance } from '@shared/corners'
import type { Me } from '@shared/user'
import HomePage from '@/pages/home'
import { DISTRICT_CENTRE, wgs84ToGcj02 } from '@/services/corners'
import { cornersNear, locationRefused, phoneIsAt } from './corners-support'
import { actAs, callAs, findIdentity, startEmulatorForFile, tap } from './support/app'

const emulator = startEmulatorForFile()

/** Beside 天山海世界 in the east of the district, as a phone's GPS reports it. */
const EAST = { lat: 38.0355, lng: 114.5688 }

let navigateTo: jest.SpyInstance
beforeEach(() => {
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
})
afterEach(() => {
  jest.restoreAllMocks()
})

/** The corner names on the list, top to bottom. */
function listedNames(): string[] {
  return Array.from(document.querySelectorAll('.corner-card__name')).map((el) => el.textContent ?? '')
}

/** Waits until the list shows exactly these corners in this order. */
async function expectListed(names: string[]): Promise<void> {
  await waitFor(() => expect(listedNames()).toEqual(names))
}

describe('首页: the nearest 街头公益角', () => {
  test('lists every corner nearest first from where the phone says the person is, with distance and kind', async () => {
    const expected = await cornersNear(emulator(), wgs84ToGcj02(EAST))
    phoneIsAt(EAST)
    actAs(await findIdentity(emulator(), 'resident'))
    render(<HomePage />)

    expect(expected).toHaveLength(15)
    expect(expected[0].name).toBe('天山海世界')
    await expectListed(expected.map((c) => c.name))

    const first = screen.getByText('天山海世界').closest('.card') as HTMLElement
    expect(within(first).getByText(formatDistance(expected[0].distanceKm!))).toBeInTheDocument()
    expect(within(first).getByText('商圈')).toBeInTheDocument()
    expect(within(first).getByText(`${expected[0].projectCount}个公益项目`)).toBeInTheDocument()
    expect(within(first).getByText(/^(下次：|正在进行)/)).toBeInTheDocument()
    expect(within(first).getByText(/^每周六 10:00-12:00/)).toBeInTheDocument()
    expect(screen.queryByText('未获得位置，按默认位置排序')).not.toBeInTheDocument()
  })

  test('falls back to the middle of the district when the location is refused, says so, and retries', async () => {
    const fromCentre = await cornersNear(emulator(), DISTRICT_CENTRE)
    const fromPhone = await cornersNear(emulator(), wgs84ToGcj02(EAST))
    expect(fromPhone.map((c) => c.id)).not.toEqual(fromCentre.map((c) => c.id))
    const refused = locationRefused()
    actAs(await findIdentity(emulator(), 'resident'))
    render(<HomePage />)

    expect(await screen.findByText('未获得位置，按默认位置排序')).toBeInTheDocument()
    await expectListed(fromCentre.map((c) => c.name))

    // The person allows it after all and taps 重新定位.
    refused.mockRestore()
    phoneIsAt(EAST)
    fireEvent.click(screen.getByText('重新定位'))
    await waitFor(() => expect(screen.queryByText('未获得位置，按默认位置排序')).not.toBeInTheDocument())
    await expectListed(fromPhone.map((c) => c.name))
  })

  test('opens a corner from the list, and from its numbered pin on the map', async () => {
    const nearest = (await cornersNear(emulator(), wgs84ToGcj02(EAST)))[0]
    phoneIsAt(EAST)
    actAs(await findIdentity(emulator(), 'resident'))
    render(<HomePage />)

    await tap(nearest.name)
    expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/corners/pages/corner/index?id=${nearest.id}` })

    navigateTo.mockClear()
    await tap('地图')
    fireEvent.click(await screen.findByLabelText(`1 ${nearest.name}`))
    expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/corners/pages/corner/index?id=${nearest.id}` })
    expect(screen.getByText('示意图，只表示大致方位')).toBeInTheDocument()
  })
})

test('moves a GPS point onto the coordinates Chinese maps and the corners use (GCJ-02)', () => {
  const moved = wgs84ToGcj02({ lat: 39.915, lng: 116.404 })
  expect(moved.lat).toBeCloseTo(39.916404, 5)
  expect(moved.lng).toBeCloseTo(116.410244, 5)
  // Outside China nothing moves.
  expect(wgs84ToGcj02({ lat: 48.8566, lng: 2.3522 })).toEqual({ lat: 48.8566, lng: 2.3522 })
})

describe('首页: the shortcuts', () => {
  beforeEach(() => {
    locationRefused()
  })

  test('shows everyone 求助, their points to spend, 我的活动 and 积分超市', async () => {
    const identity = await findIdentity(emulator(), 'resident')
    const me = await callAs<Me>(emulator(), identity.openid, { action: 'login' })
    actAs(identity)
    render(<HomePage />)

    expect(screen.getByText('小社 · 邻里公益')).toBeInTheDocument()
    expect(await screen.findByText(`可用 ${me.points.available} 分`)).toBeInTheDocument()
    for (const title of ['我要求助', '我的积分', '我的活动', '积分超市'])
      expect(screen.getByText(title)).toBeInTheDocument()

    await tap('我的活动')
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/corners/pages/mine/index' })
    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
    await tap('我要求助')
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/needs/index' })
  })

  test('offers a resident who is not a volunteer the application, and no worker screens', async () => {
    actAs(await findIdentity(emulator(), 'resident', (me: Me) => me.volunteer === null))
    render(<HomePage />)

    expect(await screen.findByText('申请成为志愿者')).toBeInTheDocument()
    expect(screen.queryByText('公益角管理')).not.toBeInTheDocument()
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

  test('gives workers 公益角管理 and 志愿者审核', async () => {
    actAs(await findIdentity(emulator(), 'worker'))
    render(<HomePage />)

    await tap('公益角管理')
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/worker/pages/corners-manage/index' })
    expect(screen.getByText('志愿者审核')).toBeInTheDocument()
  })
})
