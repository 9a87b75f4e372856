import type { Corner } from '@shared/corners'
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

/** Beside 世纪公园, in the map coordinates WeChat answers with (GCJ-02). */
const HERE = { lat: 38.0212, lng: 114.5427 }

test('首页 in the weapp build lists the corners nearest first from where WeChat says the person is', async () => {
  const asked: unknown[] = []
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx
  wx.getLocation = (options: {
    type?: string
    success?: (r: object) => void
    complete?: (r: object) => void
  }) => {
    asked.push(options.type)
    const result = { latitude: HERE.lat, longitude: HERE.lng, errMsg: 'getLocation:ok' }
    options.success?.(result)
    options.complete?.(result)
  }
  const envelope = await emulator().call<{ items: Corner[] }>('corners', { action: 'list', near: HERE })
  const expected = envelope.data!.items
  expect(expected[0].name).toBe('世纪公园')
  connect(emulator().url, 'demo-resident-wang')

  const page = renderPage('pages/home/index')

  await waitForText(page, expected[expected.length - 1].name)
  const text = pageText(page)
  const positions = expected.map((c) => text.indexOf(c.name))
  expect(positions.every((p) => p >= 0)).toBe(true)
  expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  expect(text).toContain('商圈')
  expect(text).toContain('公园')
  expect(text).toContain(`${expected[0].projectCount}个公益项目`)
  expect(text).not.toContain('未获得位置')
  expect(text).not.toContain('体验身份')
  expect(asked).toEqual(['gcj02'])
  expect(cloudCalls()).toContainEqual({ name: 'corners', data: { action: 'list', near: HERE } })

  await tapText(page, expected[0].name)
  expect(await waitForNavigation('/packages/corners/pages/corner/')).toEqual({
    api: 'navigateTo',
    url: `/packages/corners/pages/corner/index?id=${expected[0].id}`,
  })
})
