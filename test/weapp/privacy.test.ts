/**
 * 隐私授权 and a need's contact taps in the real weapp build. While the person has not agreed, WeChat holds a
 * privacy API and asks the app's listener: the app's own 隐私保护提示 sheet comes up, 不同意 uses nothing, and
 * only a tap on its agreePrivacyAuthorization button lets the map open. An assignee taps a need's address to
 * open WeChat's map at the place picked when it was posted, and its number to call it.
 */
import type { Need } from '@shared/needs'
import {
  connect,
  demoEmulatorForFile,
  deviceCallLog,
  pageText,
  placeToPick,
  privacyLog,
  privacyNotYetAgreed,
  renderPage,
  tapAgreePrivacy,
  tapText,
  waitForNoText,
  waitForText,
  waitUntil,
} from './support/weapp'

const emulator = demoEmulatorForFile()
const RESIDENT = 'demo-resident-li'
const WORKER = 'demo-worker-liu'
const VOLUNTEER = 'demo-volunteer-zhang'
const SHEET = '隐私保护提示'

async function needs<T = Need>(openid: string, data: object): Promise<T> {
  const envelope = await emulator().call<T>('needs', data, openid)
  if (!envelope.ok) throw new Error(`needs failed: ${JSON.stringify(envelope)}`)
  return envelope.data!
}

const picked = () => deviceCallLog().filter((c) => c.api === 'chooseLocation')

test('picking a need’s place on the map waits for the 隐私保护提示: 不同意 opens nothing, the agree button opens the map', async () => {
  privacyNotYetAgreed()
  const place = { latitude: 38.0311, longitude: 114.5211, name: '槐中路社区', address: '裕华区槐中路社区2栋' }
  placeToPick(place)
  connect(emulator().url, RESIDENT)
  const page = renderPage('packages/needs/pages/create/index')
  await waitForText(page, '在地图上选位置')

  await tapText(page, '在地图上选位置')
  await waitForText(page, SHEET)
  expect(pageText(page)).toContain('阅读《小社隐私政策》')
  await tapText(page, '不同意')
  await waitForNoText(page, SHEET)
  expect(picked()).toEqual([])
  expect(privacyLog()).toEqual({ asked: ['requirePrivacyAuthorize'], agreed: false })
  expect(pageText(page)).toContain('还没有选位置')

  await tapText(page, '在地图上选位置')
  await waitForText(page, SHEET)
  tapAgreePrivacy(page, 'privacy-agree')
  await waitUntil(
    () => picked().length === 1,
    () => 'the map never opened after agreeing',
  )
  await waitForText(page, '已在地图上选好位置')
  await waitForNoText(page, SHEET)
  expect(privacyLog().agreed).toBe(true)
  expect(picked()[0].options).toMatchObject({ latitude: expect.any(Number), longitude: expect.any(Number) })
})

test('the assignee taps a need’s address to open WeChat’s map at its place, and its number to call it', async () => {
  const location = { lat: 38.024242, lng: 114.531313 }
  const need = await needs(RESIDENT, {
    action: 'create',
    category: 'errand',
    title: '帮忙取药',
    description: '药在社区医院，腿脚不便，请帮忙取回来。',
    address: '槐中路社区5栋2单元301',
    contactPhone: '13503110009',
    location,
  })
  await needs(WORKER, { action: 'review', id: need.id, approve: true })
  await needs(VOLUNTEER, { action: 'claim', id: need.id })
  connect(emulator().url, VOLUNTEER)
  const page = renderPage('packages/needs/pages/detail/index', { id: need.id })
  await waitForText(page, '地址（点一下导航）')

  await tapText(page, '槐中路社区5栋2单元301')
  await waitUntil(
    () => deviceCallLog().some((c) => c.api === 'openLocation'),
    () => 'the tap never called wx.openLocation',
  )
  expect(deviceCallLog().find((c) => c.api === 'openLocation')!.options).toMatchObject({
    latitude: location.lat,
    longitude: location.lng,
    address: '槐中路社区5栋2单元301',
  })
  await tapText(page, '13503110009')
  await waitUntil(
    () => deviceCallLog().some((c) => c.api === 'makePhoneCall'),
    () => 'the tap never called wx.makePhoneCall',
  )
  expect(deviceCallLog().find((c) => c.api === 'makePhoneCall')!.options).toEqual({
    phoneNumber: '13503110009',
  })
})
