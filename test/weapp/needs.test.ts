import type { Need } from '@shared/needs'
import { NEED_STATUS_LABELS } from '@shared/needs'
import {
  cloudCalls,
  connect,
  pageText,
  renderPage,
  tapText,
  waitForText,
  waitForNavigation,
  demoEmulatorForFile,
} from './support/weapp'

const emulator = demoEmulatorForFile()

const RESIDENT = 'demo-resident-wang'

test('the 求助 tab of the weapp build lists the caller’s own needs with their status, through wx.cloud', async () => {
  const envelope = await emulator().call<{ items: Need[] }>(
    'needs',
    { action: 'list', scope: 'mine' },
    RESIDENT,
  )
  if (!envelope.ok) throw new Error(`list failed: ${JSON.stringify(envelope)}`)
  const mine = envelope.data!.items
  expect(mine.length).toBeGreaterThan(1)
  const others = await emulator().call<{ items: Need[] }>(
    'needs',
    { action: 'list', scope: 'mine' },
    'demo-resident-li',
  )
  connect(emulator().url, RESIDENT)

  const page = renderPage('pages/needs/index')

  await waitForText(page, mine[0].title)
  const text = pageText(page)
  expect(text).toContain('我要求助')
  expect(text).toContain('我的需求')
  for (const need of mine.slice(0, 2)) {
    expect(text).toContain(need.title)
    expect(text).toContain(NEED_STATUS_LABELS[need.status])
  }
  for (const need of others.data!.items) expect(text).not.toContain(need.title)
  // A resident has no volunteer or worker shortcuts.
  expect(text).not.toContain('需求大厅')
  expect(text).not.toContain('待审核需求')
  expect(cloudCalls()).toContainEqual({ name: 'needs', data: { action: 'list', scope: 'mine', limit: 10 } })

  await tapText(page, mine[0].title)
  expect(await waitForNavigation('/packages/needs/pages/detail/')).toEqual({
    api: 'navigateTo',
    url: `/packages/needs/pages/detail/index?id=${mine[0].id}`,
  })
  await tapText(page, '我要求助')
  expect(await waitForNavigation('/packages/needs/pages/create/')).toEqual({
    api: 'navigateTo',
    url: '/packages/needs/pages/create/index',
  })
})
