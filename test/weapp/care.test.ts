/**
 * 爱心敲门 in the real weapp build, through wx.cloud: 今日待访 lists the overdue people first, most overdue
 * first; a captain saving a 紧急 visit is asked for the urgent-visit alerts inside the tap, before the visit
 * goes out, and the visit is recorded once.
 */
import type { DueList, RecipientDetail } from '@shared/care'
import {
  cloudCalls,
  connect,
  demoEmulatorForFile,
  deviceCallLog,
  pageText,
  renderPage,
  type RenderedPage,
  subscriptionRequests,
  tapText,
  waitForText,
  waitUntil,
} from './support/weapp'

const emulator = demoEmulatorForFile()
const CAPTAIN = 'demo-captain-zhang'
const WORKER = 'demo-worker-liu'

let duePage: RenderedPage | null = null
/** 今日待访 as the captain sees it (a page is rendered once per file). */
function openDue(): RenderedPage {
  connect(emulator().url, CAPTAIN)
  duePage ??= renderPage('packages/care/pages/due/index')
  return duePage
}

async function care<T>(openid: string, data: object): Promise<T> {
  const envelope = await emulator().call<T>('care', data, openid)
  if (!envelope.ok) throw new Error(`care failed: ${JSON.stringify(envelope)}`)
  return envelope.data!
}

test('今日待访 in the weapp build lists the overdue first, most overdue first, then those due soon', async () => {
  const due = await care<DueList>(CAPTAIN, { action: 'due' })
  expect(due.overdue.length).toBeGreaterThan(1)
  expect(due.soon.length).toBeGreaterThan(0)

  const page = openDue()

  await waitForText(page, due.soon[0].name)
  const text = pageText(page)
  const order = [...due.overdue, ...due.soon].map((r) => text.indexOf(r.name))
  expect(order.every((at) => at >= 0)).toBe(true)
  expect(order).toEqual([...order].sort((a, b) => a - b))
  expect(text.indexOf('已超期，请尽快去')).toBeLessThan(text.indexOf('这几天该去'))
})

test('今日待访: a tap on an address picked on the map opens WeChat’s map there; a tap on a phone number calls it', async () => {
  const due = await care<DueList>(CAPTAIN, { action: 'due' })
  const people = [...due.overdue, ...due.soon]
  const mapped = people.find((r) => r.location !== null)!
  const unmapped = people.find((r) => r.location === null && r.address !== mapped.address)!
  const phoned = people.find((r) => r.phone)!
  expect([mapped, unmapped, phoned].every(Boolean)).toBe(true)
  const page = openDue()
  await waitForText(page, mapped.address)

  await tapText(page, mapped.address)
  await waitUntil(
    () => deviceCallLog().some((c) => c.api === 'openLocation'),
    () => 'the tap never called wx.openLocation',
  )
  expect(deviceCallLog().find((c) => c.api === 'openLocation')!.options).toMatchObject({
    latitude: mapped.location!.lat,
    longitude: mapped.location!.lng,
    address: mapped.address,
  })
  await tapText(page, unmapped.address)
  await waitUntil(
    () => deviceCallLog().some((c) => c.api === 'setClipboardData'),
    () => 'the tap never called wx.setClipboardData',
  )
  expect(deviceCallLog().find((c) => c.api === 'setClipboardData')!.options).toEqual({
    data: unmapped.address,
  })
  await tapText(page, phoned.phone!)
  await waitUntil(
    () => deviceCallLog().some((c) => c.api === 'makePhoneCall'),
    () => 'the tap never called wx.makePhoneCall',
  )
  expect(deviceCallLog().find((c) => c.api === 'makePhoneCall')!.options).toEqual({
    phoneNumber: phoned.phone,
  })
})

test('a captain saving a 紧急 visit is asked for the alerts inside the tap, and the visit is recorded once', async () => {
  const id = 'demo-recipient-liufq'
  connect(emulator().url, CAPTAIN)
  const page = renderPage('packages/care/pages/visit/index', { id })
  await waitForText(page, '走访：刘凤琴')

  await tapText(page, '紧急')
  await waitForText(page, '选“紧急”后，队长和社工会马上收到微信提醒。')
  await tapText(page, '保存走访记录')
  await waitForText(page, '已记录对刘凤琴的走访')

  const sent = cloudCalls().filter(
    (c) => c.name === 'care' && (c.data as { action?: string }).action === 'logVisit',
  )
  expect(sent).toHaveLength(1)
  const asked = subscriptionRequests().find((r) => r.tmplIds.includes('local-care-alert'))
  expect(asked).toBeDefined()
  expect(asked!.callsBefore).toBeLessThanOrEqual(cloudCalls().indexOf(sent[0]))
  const detail = await care<RecipientDetail>(WORKER, { action: 'recipient', id })
  expect(detail.visits[0]).toMatchObject({
    wellbeing: 'urgent',
    visitors: [expect.objectContaining({ openid: CAPTAIN })],
  })
  expect(
    detail.visits.filter((v) => v.wellbeing === 'urgent' && v.visitors[0].openid === CAPTAIN),
  ).toHaveLength(1)
})
