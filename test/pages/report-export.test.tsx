/**
 * 数据 → 导出 under jsdom against a real emulator: a list longer than one call reads shows how many rows it has
 * read while the next call is on its way, then the finished file, which the browser is asked to download under
 * its name; a failed export says why in Chinese and offers to try again.
 */
import { render, screen } from '@testing-library/react'
import { EXPORT_PAGE_SIZE, EXPORT_PAGES_PER_CALL } from '@shared/exports'
import type { NeedRecord } from '@shared/records'
import { ExportItem } from '@/components/export-item'
import { connectSdk } from '../helpers/sdk'
import { actAs, findIdentity, startEmulatorForFile, tap } from './support/app'

const emulator = startEmulatorForFile()
const realFetch = globalThis.fetch
const DAY = 86_400_000

afterEach(() => jest.restoreAllMocks())

/** The browser's downloads the page asks for (an <a download> clicked), in place of jsdom's navigation. */
function recordDownloads(): { href: string; download: string }[] {
  const asked: { href: string; download: string }[] = []
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    asked.push({ href: this.href, download: this.download })
  })
  return asked
}

test('a long export shows the rows read so far, then downloads the file under its name', async () => {
  const sdk = connectSdk(emulator().url)
  const from = Date.now() - 30 * DAY
  const { _id: _first, ...template } = (await sdk.db.collection('needs').limit(1).get()).data[0] as NeedRecord
  const total = EXPORT_PAGE_SIZE * EXPORT_PAGES_PER_CALL + 10
  for (let i = 0; i < total; i += 100)
    await Promise.all(
      Array.from({ length: Math.min(100, total - i) }, (_x, j) =>
        sdk.db
          .collection('needs')
          .doc(`pages-bulk-${i + j}`)
          .set({ data: { ...template, createdAt: from + (i + j) * 1000 } }),
      ),
    )
  actAs(await findIdentity(emulator(), 'worker'))
  // The call that goes on with the job waits until the test has seen the progress.
  let release: () => void = () => undefined
  const gate = new Promise<void>((resolve) => (release = resolve))
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (url, init) => {
    if (String(url).endsWith('/fn/report') && String(init?.body).includes('"job"')) await gate
    return realFetch(url, init)
  })
  const downloads = recordDownloads()
  render(<ExportItem input={{ kind: 'needs', from: from - 1, to: from + total * 1000 }} />)
  await tap('导出求助清单')
  await screen.findByText(`已读取 ${EXPORT_PAGE_SIZE * EXPORT_PAGES_PER_CALL} 行，请稍候…`, undefined, {
    timeout: 20_000,
  })
  expect(screen.getByText('正在生成求助清单…')).toBeInTheDocument()
  release()
  await screen.findByText(/^已生成 求助清单_\d{8}-\d{8}\.xlsx（\d+ 行）$/, undefined, { timeout: 20_000 })
  expect(screen.getByText(/（\d+ 行）/).textContent).toContain(`（${total} 行）`)
  expect(downloads).toHaveLength(1)
  expect(downloads[0].download).toMatch(/^求助清单_\d{8}-\d{8}\.xlsx$/)
  expect(downloads[0].href).toContain('/storage/')
}, 60_000)

test('a failed export says why and offers to try again', async () => {
  actAs(await findIdentity(emulator(), 'worker'))
  const downloads = recordDownloads()
  render(<ExportItem input={{ kind: 'attendance', activityId: 'no-such-activity' }} />)
  await tap('导出活动签到表')
  await screen.findByText('没有找到这个活动', undefined, { timeout: 8000 })
  expect(screen.getByText('重新导出')).toBeInTheDocument()
  expect(downloads).toEqual([])
})
