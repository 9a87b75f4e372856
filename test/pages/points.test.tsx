import { act, render, screen, waitFor, within } from '@testing-library/react'
import { getPageInstance } from '@tarojs/runtime'
import type { Page } from '@shared/envelope'
import type { Board, LedgerEntry, PointsSummaryFull } from '@shared/points'
import PointsPage from '@/pages/points'
import { actAs, callAs, findIdentity, startEmulatorForFile, tap } from './support/app'

const emulator = startEmulatorForFile()
/** The first calls after the emulator starts can take a few seconds. */
const LOAD = { timeout: 8000 }

/** Every entry of `openid`'s ledger, newest first, read page by page as the app does. */
async function wholeLedger(openid: string): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = []
  let cursor: string | undefined
  do {
    const page = await callAs<Page<LedgerEntry>>(
      emulator(),
      openid,
      { action: 'ledger', limit: 20, ...(cursor ? { cursor } : {}) },
      'points',
    )
    entries.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return entries
}

/** The public board as anyone (no identity) reads it. */
async function boardOf(period: Board['period']): Promise<Board> {
  const envelope = await emulator().call<Board>('points', { action: 'board', period })
  if (!envelope.ok || !envelope.data) throw new Error(`board failed: ${JSON.stringify(envelope)}`)
  return envelope.data
}

/** The ledger lines on the screen (compare their count: printing a list of elements is slow). */
function shownEntries(): Element[] {
  return Array.from(document.querySelectorAll('.points-entry'))
}

/** What Taro does when the page is scrolled to its bottom: run the page's onReachBottom handlers. */
function scrollToBottom(): void {
  // Pages rendered on their own (without Taro's router) register their hooks under the app's id.
  const page = getPageInstance('taro-app') as { onReachBottom?: (() => void) | Array<() => void> } | undefined
  const handlers = page?.onReachBottom

  act(() => {
    for (const handler of Array.isArray(handlers) ? handlers : handlers ? [handlers] : []) handler()
  })
}

describe('积分', () => {
  test('shows a person the balance their ledger sums to, with what is available, held, earned and spent', async () => {
    const volunteer = await findIdentity(emulator(), 'volunteer')
    const entries = await wholeLedger(volunteer.openid)
    const sum = entries.reduce((total, entry) => total + entry.delta, 0)
    const summary = await callAs<PointsSummaryFull>(
      emulator(),
      volunteer.openid,
      { action: 'summary' },
      'points',
    )
    expect(sum).toBeGreaterThan(0)
    actAs(volunteer)

    render(<PointsPage />)

    const card = (await screen.findByText('我的积分', {}, LOAD)).closest('.points__balance') as HTMLElement
    expect(await within(card).findByText(String(sum))).toHaveClass('points__balance-value')
    expect(within(card).getByText('可以用').nextSibling).toHaveTextContent(`${summary.available} 分`)
    expect(within(card).getByText('冻结中').nextSibling).toHaveTextContent(`${summary.held} 分`)
    expect(within(card).getByText(/兑换未完成的积分暂时冻结/)).toBeInTheDocument()
    expect(
      within(card).getByText(`一共得到 ${summary.earned} 分，用掉和扣掉 ${summary.spent} 分`),
    ).toBeInTheDocument()
  })

  test('lists the ledger newest first, each line with its kind, note, signed points and balance after it', async () => {
    const volunteer = await findIdentity(emulator(), 'volunteer')
    const [newest] = await wholeLedger(volunteer.openid)
    actAs(volunteer)

    render(<PointsPage />)

    await waitFor(() => expect(shownEntries().length).toBeGreaterThan(0), LOAD)
    const first = shownEntries()[0] as HTMLElement
    expect(within(first).getByText(newest.note)).toBeInTheDocument()
    expect(
      within(first).getByText(newest.delta > 0 ? `+${newest.delta}` : `−${-newest.delta}`),
    ).toBeInTheDocument()
    expect(within(first).getByText(`余额 ${newest.balanceAfter}`)).toBeInTheDocument()
    expect(within(first).getByText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)).toBeInTheDocument()
  })

  test('scrolling to the bottom of the ledger loads the next page, until the whole ledger is shown', async () => {
    const resident = await findIdentity(emulator(), 'resident')
    const worker = await findIdentity(emulator(), 'worker')
    for (let i = 0; i < 22; i++) {
      await callAs(
        emulator(),
        worker.openid,
        {
          action: 'adjust',
          openid: resident.openid,
          delta: 1,
          note: `第${i + 1}次打扫楼道`,
          idempotencyKey: `fill-ledger-${i}`,
        },
        'points',
      )
    }
    const total = (await wholeLedger(resident.openid)).length
    expect(total).toBeGreaterThan(20)
    actAs(resident)

    render(<PointsPage />)

    await waitFor(() => expect(shownEntries().length).toBe(20), LOAD)
    expect(screen.queryByText('已经到底了')).not.toBeInTheDocument()
    scrollToBottom()
    await waitFor(() => expect(shownEntries().length).toBe(total), LOAD)
    expect(await screen.findByText('已经到底了')).toBeInTheDocument()
  })

  test('积分公示 shows the month ranking with masked names only, and 总榜 shows the all-time one', async () => {
    const month = await boardOf('month')
    const all = await boardOf('all')
    const volunteer = await findIdentity(emulator(), 'volunteer')
    actAs(volunteer)

    render(<PointsPage />)
    await tap('积分公示')

    const ranking = (await screen.findByText('本月得分排行', {}, LOAD)).closest(
      '.points-board__ranking',
    ) as HTMLElement
    expect(month.items.length).toBeGreaterThan(0)
    for (const item of month.items.slice(0, 5)) {
      expect(item.name).toMatch(/\*/)
      expect(within(ranking).getAllByText(item.name).length).toBeGreaterThan(0)
    }
    // The demo volunteer's full name never appears on the board, only the masked one.
    expect(screen.queryByText(volunteer.name)).not.toBeInTheDocument()
    const recent = (await screen.findByText('最近的奖励和扣分')).closest(
      '.points-board__recent',
    ) as HTMLElement
    expect(within(recent).getAllByText(month.recent[0].name).length).toBeGreaterThan(0)

    await tap('总榜')
    const allRanking = (await screen.findByText('累计得分排行')).closest(
      '.points-board__ranking',
    ) as HTMLElement
    expect(within(allRanking).getAllByText(`${all.items[0].points} 分`).length).toBeGreaterThan(0)
  })

  test('without a chosen identity the board is readable and the personal part asks to choose one', async () => {
    render(<PointsPage />)

    expect(await screen.findByText('先选一位体验身份', {}, LOAD)).toBeInTheDocument()
    expect(screen.getByText('选择体验身份')).toBeInTheDocument()
    expect(await screen.findByText('本月得分排行', {}, LOAD)).toBeInTheDocument()
    expect(screen.queryByText('我的积分')).not.toBeInTheDocument()
  })

  test('积分规则 opens the rules in plain words, with each civic award and deduction', async () => {
    actAs(await findIdentity(emulator(), 'resident'))
    render(<PointsPage />)

    await tap('积分规则')

    const sheet = await screen.findByRole('dialog', { name: '积分规则' })
    expect(await within(sheet).findByText(/完成一次求助，对方确认后得 20 分/, {}, LOAD)).toBeInTheDocument()
    expect(within(sheet).getByText(/每服务 1 小时得 10 分/)).toBeInTheDocument()
    expect(within(sheet).getByText('垃圾分类').nextSibling).toHaveTextContent('+5 分')
    expect(within(sheet).getByText('违规占道').nextSibling).toHaveTextContent('−10 分')
    await tap('知道了')
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '积分规则' })).not.toBeInTheDocument())
  })
})
