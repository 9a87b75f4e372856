import type { Page } from '@shared/envelope'
import type { LedgerEntry, PointsSummaryFull } from '@shared/points'
import { cloudCalls, connect, pageText, renderPage, waitForText, demoEmulatorForFile } from './support/weapp'

const emulator = demoEmulatorForFile()

async function call<T>(data: object, openid: string): Promise<T> {
  const envelope = await emulator().call<T>('points', data, openid)
  if (!envelope.ok)
    throw new Error(`points.${(data as { action: string }).action} failed: ${JSON.stringify(envelope)}`)
  return envelope.data as T
}

test('积分 in the weapp build shows the WeChat user their own balance, available and held points, and their ledger, in two calls', async () => {
  const volunteer = (await emulator().identities()).find((person) => person.role === 'volunteer')!
  const summary = await call<PointsSummaryFull>({ action: 'summary' }, volunteer.openid)
  const ledger = await call<Page<LedgerEntry>>({ action: 'ledger', limit: 20 }, volunteer.openid)
  connect(emulator().url, volunteer.openid)

  const page = renderPage('pages/points/index')

  await waitForText(page, '我的积分')
  await waitForText(page, ledger.items[0].note)
  const text = pageText(page)
  // The template puts no spaces between neighbouring texts.
  expect(text).toContain(`我的积分${summary.balance}分`)
  expect(text).toContain(`可以用${summary.available} 分`)
  expect(text).toContain(`冻结中${summary.held} 分`)
  expect(text).not.toContain('体验身份')
  // The figures come with login; the first screen costs two calls (login and the ledger), the board none.
  expect(cloudCalls().map((c) => `${c.name}.${(c.data as { action: string }).action}`)).toEqual([
    'user.login',
    'points.ledger',
  ])
})
