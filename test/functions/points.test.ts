/**
 * The `points` function over /fn: summary, ledger, board and rules, and workers' adjustments — exactly
 * once per key however they race, refused without change when they must be, never below zero.
 */
import type { Board, LedgerEntry, PointsRules, PointsSummaryFull } from '../../types/points'
import type { Page } from '../../types/envelope'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import { readLedgerState } from '../helpers/invariants'
import type { Sdk } from '../helpers/sdk'

const WORKER = 'demo-worker-liu'
let emu: Emulator
let sdk: Sdk

startEmulatorForFile({ seed: 'none', reset: 'demo', ledger: true }, (started, connected) => {
  emu = started
  sdk = connected
})

const points = <T>(data: object, openid?: string) => emu.call<T>('points', data, openid)
const summary = async (openid: string) =>
  (await points<PointsSummaryFull>({ action: 'summary' }, openid)).data!
let keyCounter = 0
const key = () => `test-key-${Date.now()}-${keyCounter++}`

async function entriesOf(openid: string): Promise<Array<{ delta: number }>> {
  return (await sdk.db.collection('ledger').where({ openid }).limit(1000).get()).data
}

describe('adjust', () => {
  // One person's adjustments serialize on their record (and the day's report counter): 100 racing calls all
  // finish within the function's 10 s on a busy 2-core machine; npm run bench measures the rate.
  it('counts all of 100 racing adjustments with distinct keys for one person', async () => {
    const before = await summary('demo-resident-li')
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        points(
          {
            action: 'adjust',
            openid: 'demo-resident-li',
            delta: 3,
            note: '协助整理社区图书角',
            idempotencyKey: key(),
          },
          WORKER,
        ),
      ),
    )
    expect(answers.filter((a) => !a.ok)).toEqual([])
    const after = await summary('demo-resident-li')
    expect(after.balance - before.balance).toBe(300)
    const entries = await entriesOf('demo-resident-li')
    expect(entries.reduce((s, e) => s + e.delta, 0)).toBe(after.balance)
  })

  it('writes exactly one entry when 50 calls race with one key', async () => {
    const before = await entriesOf('demo-resident-li')
    const k = key()
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        points<LedgerEntry>(
          {
            action: 'adjust',
            openid: 'demo-resident-li',
            ruleId: 'garbage-sorting',
            note: '分类投放',
            idempotencyKey: k,
          },
          WORKER,
        ),
      ),
    )
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(new Set(answers.map((a) => a.data!.id)).size).toBe(1)
    expect((await entriesOf('demo-resident-li')).length).toBe(before.length + 1)
  })

  it('answers the same entry again for the same key and arguments, and already-exists for other arguments', async () => {
    const k = key()
    const args = {
      action: 'adjust',
      openid: 'demo-resident-wang',
      delta: 7,
      note: '帮邻居收快递',
      idempotencyKey: k,
    }
    const first = await points<LedgerEntry>(args, WORKER)
    const again = await points<LedgerEntry>(args, WORKER)
    expect(again.data).toEqual(first.data)
    const before = await readLedgerState(sdk)
    for (const other of [{ delta: 8 }, { note: '别的原因' }, { openid: 'demo-resident-li' }]) {
      const res = await points({ ...args, ...other }, WORKER)
      expect(res).toMatchObject({ ok: false, code: 'already-exists' })
    }
    expect(await readLedgerState(sdk)).toEqual(before)
  })

  it.each([
    [{ delta: 2.5 }, '整数'],
    [{ delta: 0 }, '0'],
    [{ delta: '5' }, '数字'],
    [{ delta: 100000 }, '最多'],
    [{ delta: NaN }, '数字'],
    [{ note: '' }, '原因'],
    [{ note: undefined }, '原因'],
    [{ ruleId: 'garbage-sorting' }, '选一个'],
    [{ delta: undefined }, '选一个'],
    [{ idempotencyKey: 'short' }, '编号'],
    [{ openid: { $gt: '' } }, '居民'],
  ])('refuses %p with invalid-argument and changes nothing', async (bad, word) => {
    const before = await readLedgerState(sdk)
    const res = await points(
      { action: 'adjust', openid: 'demo-resident-li', delta: 5, note: '原因', idempotencyKey: key(), ...bad },
      WORKER,
    )
    expect(res).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(res.message).toContain(word)
    expect(await readLedgerState(sdk)).toEqual(before)
  })

  it('refuses an unknown rule, a person never seen, and anyone who is not a worker', async () => {
    const before = await readLedgerState(sdk)
    const base = { action: 'adjust', openid: 'demo-resident-li', note: '原因', idempotencyKey: key() }
    expect(await points({ ...base, ruleId: 'no-such-rule' }, WORKER)).toMatchObject({
      code: 'invalid-argument',
    })
    expect(await points({ ...base, openid: 'nobody', delta: 5 }, WORKER)).toMatchObject({ code: 'not-found' })
    for (const who of ['demo-resident-li', 'demo-volunteer-zhang', 'demo-merchant-zhou']) {
      expect(await points({ ...base, delta: 5 }, who)).toMatchObject({ code: 'permission-denied' })
    }
    expect(await points({ ...base, delta: 5 })).toMatchObject({ code: 'unauthenticated' })
    expect(await readLedgerState(sdk)).toEqual(before)
  })

  it('takes no more than what is available: a large deduction leaves available at 0', async () => {
    const before = await summary('demo-resident-wang')
    expect(before.available).toBeGreaterThan(0)
    const res = await points<LedgerEntry>(
      {
        action: 'adjust',
        openid: 'demo-resident-wang',
        delta: -1000,
        note: '测试扣分',
        idempotencyKey: key(),
      },
      WORKER,
    )
    expect(res.data!.delta).toBe(-before.available)
    expect((await summary('demo-resident-wang')).available).toBe(0)
    const again = await points(
      {
        action: 'adjust',
        openid: 'demo-resident-wang',
        ruleId: 'littering',
        note: '乱扔垃圾',
        idempotencyKey: key(),
      },
      WORKER,
    )
    expect(again).toMatchObject({ ok: false, code: 'failed-precondition' })
    expect((await summary('demo-resident-wang')).available).toBe(0)
  })

  it('publishes civic awards and deductions on the board with masked names and the rule, not the note', async () => {
    await points(
      {
        action: 'adjust',
        openid: 'demo-resident-li',
        ruleId: 'road-occupation',
        note: '在3号楼门口摆摊',
        idempotencyKey: key(),
      },
      WORKER,
    )
    const board = (await points<Board>({ action: 'board', period: 'month' })).data!
    expect(board.recent[0]).toMatchObject({ name: '李*国', delta: -10, kind: 'deduction', note: '违规占道' })
    const text = JSON.stringify(board)
    expect(text).not.toContain('demo-')
    expect(text).not.toContain('3号楼')
    expect(text).not.toMatch(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/)
  })
})

describe('the board counts what 积分加减 promises', () => {
  /** A board row of this masked name, this month or all-time (absent: not on the board). */
  const onBoard = async (period: 'month' | 'all', name: string) =>
    (await points<Board>({ action: 'board', period })).data!.items.find((i) => i.name === name)?.points

  it('leaves a worker’s free-number adjustment off both boards; a rule’s award counts on both', async () => {
    const person = 'demo-resident-zhao'
    const name = '赵*' // 赵丽, masked; nobody else of the demo is shown so
    const before = { month: await onBoard('month', name), all: await onBoard('all', name) }

    const custom = await points(
      { action: 'adjust', openid: person, delta: 30, note: '帮忙搬运物资', idempotencyKey: key() },
      WORKER,
    )
    expect(custom).toMatchObject({ ok: true })
    const balance = (await summary(person)).balance
    expect({ month: await onBoard('month', name), all: await onBoard('all', name) }).toEqual(before)

    const civic = await points(
      { action: 'adjust', openid: person, ruleId: 'environment', note: '清理楼道', idempotencyKey: key() },
      WORKER,
    )
    expect(civic).toMatchObject({ ok: true })
    expect((await summary(person)).balance).toBe(balance + 10)
    expect({ month: await onBoard('month', name), all: await onBoard('all', name) }).toEqual({
      month: (before.month ?? 0) + 10,
      all: (before.all ?? 0) + 10,
    })
  })
})

describe('summary, ledger, board and rules', () => {
  it('pages a person’s own ledger newest first, each entry once, summing to the balance', async () => {
    const s = await summary('demo-volunteer-zhang')
    const seen: LedgerEntry[] = []
    let cursor: string | null = null
    do {
      const page: { data?: Page<LedgerEntry> } = await points<Page<LedgerEntry>>(
        { action: 'ledger', limit: 4, ...(cursor ? { cursor } : {}) },
        'demo-volunteer-zhang',
      )
      seen.push(...page.data!.items)
      cursor = page.data!.nextCursor
    } while (cursor)
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length)
    expect(seen.every((e) => e.openid === 'demo-volunteer-zhang')).toBe(true)
    expect(seen.map((e) => e.createdAt)).toEqual([...seen.map((e) => e.createdAt)].sort((a, b) => b - a))
    expect(seen.reduce((sum, e) => sum + e.delta, 0)).toBe(s.balance)
    expect(seen[0].balanceAfter).toBe(s.balance)
  })

  it('answers summary and ledger only about the caller, and not to anonymous callers', async () => {
    expect(await points({ action: 'summary' })).toMatchObject({ code: 'unauthenticated' })
    expect(
      await points({ action: 'ledger', openid: 'demo-volunteer-zhang' }, 'demo-resident-li'),
    ).toMatchObject({
      code: 'invalid-argument',
    })
  })

  it('ranks by points earned in the period with shared ranks, and everyone may read it', async () => {
    for (const period of ['month', 'all'] as const) {
      const board = (await points<Board>({ action: 'board', period })).data!
      expect(board.items.length).toBeGreaterThan(5)
      expect(board.items.length).toBeLessThanOrEqual(50)
      for (let i = 1; i < board.items.length; i++) {
        const [a, b] = [board.items[i - 1], board.items[i]]
        expect(b.points).toBeLessThanOrEqual(a.points)
        expect(b.rank).toBe(b.points === a.points ? a.rank : i + 1)
      }
      expect(board.items.every((item) => /\*/.test(item.name))).toBe(true)
    }
    expect((await points<Board>({ action: 'board' })).data!.period).toBe('month')
  })

  it('lists the rules: points per hour, need points, rating bonus and the civic catalogue', async () => {
    const rules = (await points<PointsRules>({ action: 'rules' })).data!
    expect(rules.pointsPerHour).toBeGreaterThan(0)
    expect(Object.keys(rules.ratingBonus)).toEqual(['1', '2', '3', '4', '5'])
    expect(rules.civic).toEqual(
      expect.arrayContaining([{ id: 'garbage-sorting', title: '垃圾分类', delta: 5 }]),
    )
    expect(rules.civic.some((r) => r.delta < 0)).toBe(true)
  })
})
