import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { Page } from '@shared/envelope'
import type { LedgerEntry, PointsSummaryFull } from '@shared/points'
import AdjustPage from '@/packages/worker/pages/points-adjust'
import MePage from '@/pages/me'
import { demoPhone } from '../../emulator/seeds/demo/people'
import { actAs, callAs, findIdentity, startEmulatorForFile, tap, typeInto } from './support/app'

const emulator = startEmulatorForFile()
// The network as it is, before each test spies on it.
const realFetch = globalThis.fetch

const SEARCH = '姓名，或手机号后4位'
const NOTE = '例如：主动把楼道里的垃圾分好类'
const AMOUNT = '填整数，例如 5'
/** The first write of a function after the emulator starts can take a few seconds. */
const WRITE = { timeout: 8000 }

async function summaryOf(openid: string): Promise<PointsSummaryFull> {
  return callAs<PointsSummaryFull>(emulator(), openid, { action: 'summary' }, 'points')
}

async function newestEntries(openid: string): Promise<LedgerEntry[]> {
  return (await callAs<Page<LedgerEntry>>(emulator(), openid, { action: 'ledger', limit: 5 }, 'points')).items
}

/** The bodies of the calls the page sent to the `points` function. */
function pointsCalls(fetchSpy: jest.SpyInstance): Array<Record<string, unknown>> {
  return fetchSpy.mock.calls
    .filter(([url]) => String(url).endsWith('/fn/points'))
    .map(([, init]) => JSON.parse(String((init as RequestInit).body)) as Record<string, unknown>)
}

/** As a worker: searches for `name` and chooses them. */
async function choosePerson(name: string): Promise<void> {
  await typeInto(SEARCH, name)
  await tap('搜索')
  await screen.findByText(`“${name}”的结果`)
  const row = (await screen.findByText(name)).closest('.adjust__person') as HTMLElement
  await tap('选这位', row)
  await screen.findByText('换一位')
}

describe('积分加减', () => {
  let fetchSpy: jest.SpyInstance
  beforeEach(() => {
    fetchSpy = jest.spyOn(globalThis, 'fetch')
  })
  afterEach(() => {
    fetchSpy.mockRestore()
  })

  test('a worker awards points by a rule after a confirmation that says exactly what will happen, and the balance rises', async () => {
    const volunteer = await findIdentity(emulator(), 'volunteer')
    const before = await summaryOf(volunteer.openid)
    actAs(await findIdentity(emulator(), 'worker'))
    render(<AdjustPage />)

    await choosePerson(volunteer.name)
    await tap('垃圾分类')
    await typeInto(NOTE, '主动把楼道里的垃圾分好类')
    await tap('下一步：核对')

    expect(await screen.findByText(`给 ${volunteer.name} 加 5 分：垃圾分类`)).toBeInTheDocument()
    expect(screen.getByText('原因：主动把楼道里的垃圾分好类')).toBeInTheDocument()
    expect(screen.getByText(/^积分公示上会显示为：.\*.* 垃圾分类 \+5$/)).toBeInTheDocument()
    expect(pointsCalls(fetchSpy).filter((call) => call.action === 'adjust')).toHaveLength(0)
    await tap('确认加分')

    expect(
      await screen.findByText(`${volunteer.name} 现在共有 ${before.balance + 5} 分`, {}, WRITE),
    ).toBeInTheDocument()
    expect((await summaryOf(volunteer.openid)).balance).toBe(before.balance + 5)
    const [newest] = await newestEntries(volunteer.openid)
    expect(newest).toMatchObject({
      delta: 5,
      kind: 'civic',
      refId: 'garbage-sorting',
      note: '主动把楼道里的垃圾分好类',
    })
  })

  test('a non-worker opening the screen sees that only workers may use it, and no one to choose', async () => {
    actAs(await findIdentity(emulator(), 'resident'))

    render(<AdjustPage />)

    expect(await screen.findByText('仅社工可以使用')).toBeInTheDocument()
    expect(screen.queryByPlaceholderText(SEARCH)).not.toBeInTheDocument()
  })

  test('an adjustment without a reason is refused in Chinese and nothing is sent', async () => {
    const volunteer = await findIdentity(emulator(), 'volunteer')
    const before = await summaryOf(volunteer.openid)
    actAs(await findIdentity(emulator(), 'worker'))
    render(<AdjustPage />)

    await choosePerson(volunteer.name)
    await tap('环境整治')
    await tap('下一步：核对')

    expect(await screen.findByText('请填写原因')).toBeInTheDocument()
    expect(screen.queryByText('请核对')).not.toBeInTheDocument()
    expect(pointsCalls(fetchSpy).filter((call) => call.action === 'adjust')).toHaveLength(0)
    expect(await summaryOf(volunteer.openid)).toEqual(before)
  })

  test('a custom amount must be a whole number', async () => {
    const volunteer = await findIdentity(emulator(), 'volunteer')
    actAs(await findIdentity(emulator(), 'worker'))
    render(<AdjustPage />)

    await choosePerson(volunteer.name)
    await tap('自己填分值（不在上面的情况）')
    await typeInto(AMOUNT, '2.5')
    await typeInto(NOTE, '帮忙搬桌椅')
    await tap('下一步：核对')

    expect(await screen.findByText('分值请填整数，例如 5')).toBeInTheDocument()
    expect(pointsCalls(fetchSpy).filter((call) => call.action === 'adjust')).toHaveLength(0)
  })

  test('a deduction larger than what is available takes only what is available, and both steps say so', async () => {
    const resident = await findIdentity(emulator(), 'resident')
    const before = await summaryOf(resident.openid)
    expect(before.available).toBeGreaterThan(0)
    expect(before.available).toBeLessThan(1000)
    actAs(await findIdentity(emulator(), 'worker'))
    render(<AdjustPage />)

    await choosePerson(resident.name)
    await tap('自己填分值（不在上面的情况）')
    await tap('扣分', document.querySelector('.adjust__direction') as HTMLElement)
    await typeInto(AMOUNT, '1000')
    await typeInto(NOTE, '多次在楼道堆放杂物')
    await tap('下一步：核对')

    expect(await screen.findByText(`给 ${resident.name} 扣 1000 分：社工调整`)).toBeInTheDocument()
    expect(screen.getByText(/不到 1000 分，就只扣掉现有的，扣到 0 分为止/)).toBeInTheDocument()
    expect(screen.getByText('这是自己填的分值，不上积分公示。')).toBeInTheDocument()
    await tap('确认扣分')

    expect(
      await screen.findByText(
        `${resident.name}可以用的积分只有 ${before.available} 分，所以实际扣了 ${before.available} 分，没有扣满 1000 分。`,
        {},
        WRITE,
      ),
    ).toBeInTheDocument()
    expect((await summaryOf(resident.openid)).available).toBe(0)
  })

  test('a refusal by the points function is shown in Chinese and changes nothing', async () => {
    const resident = await findIdentity(emulator(), 'resident')
    const worker = await findIdentity(emulator(), 'worker')
    await callAs(
      emulator(),
      worker.openid,
      {
        action: 'adjust',
        openid: resident.openid,
        delta: -1000,
        note: '清零',
        idempotencyKey: 'empty-the-account',
      },
      'points',
    )
    const before = await newestEntries(resident.openid)
    actAs(worker)
    render(<AdjustPage />)

    await choosePerson(resident.name)
    await tap('乱扔垃圾')
    await typeInto(NOTE, '往楼下扔垃圾')
    await tap('下一步：核对')
    await tap('确认扣分')

    expect(await screen.findByText('这位居民已经没有可扣除的积分了', {}, WRITE)).toBeInTheDocument()
    expect(screen.getByText('请核对')).toBeInTheDocument()
    expect(await newestEntries(resident.openid)).toEqual(before)
  })

  test('retrying a confirmation whose answer was lost sends the same key, and the points change once', async () => {
    const volunteer = await findIdentity(emulator(), 'volunteer')
    const before = await summaryOf(volunteer.openid)
    actAs(await findIdentity(emulator(), 'worker'))
    render(<AdjustPage />)
    await choosePerson(volunteer.name)
    await tap('文明劝导')
    await typeInto(NOTE, '劝阻在小区里骑快车')
    await tap('下一步：核对')
    await screen.findByText('请核对')

    // The first adjustment reaches the function, but its answer never comes back.
    let lost = false
    fetchSpy.mockImplementation(async (url: RequestInfo | URL, init?: RequestInit) => {
      const answer = await realFetch(url, init)
      if (!lost && String(init?.body).includes('"action":"adjust"')) {
        lost = true
        throw new TypeError('network connection lost')
      }
      return answer
    })
    await tap('确认加分')
    expect(await screen.findByText('网络不太好，请检查网络后再试', {}, WRITE)).toBeInTheDocument()
    await tap('确认加分')

    expect(
      await screen.findByText(`${volunteer.name} 现在共有 ${before.balance + 5} 分`, {}, WRITE),
    ).toBeInTheDocument()
    const adjustments = pointsCalls(fetchSpy).filter((call) => call.action === 'adjust')
    expect(adjustments).toHaveLength(2)
    expect(adjustments[1].idempotencyKey).toBe(adjustments[0].idempotencyKey)
    expect((await summaryOf(volunteer.openid)).balance).toBe(before.balance + 5)
  })

  test('going back after a lost answer and confirming the same adjustment again changes the points once', async () => {
    const volunteer = await findIdentity(emulator(), 'volunteer')
    const before = await summaryOf(volunteer.openid)
    actAs(await findIdentity(emulator(), 'worker'))
    render(<AdjustPage />)
    await choosePerson(volunteer.name)
    await tap('环境整治')
    await typeInto(NOTE, '清理小区门口的小广告')
    await tap('下一步：核对')
    let lost = false
    fetchSpy.mockImplementation(async (url: RequestInfo | URL, init?: RequestInit) => {
      const answer = await realFetch(url, init)
      if (!lost && String(init?.body).includes('"action":"adjust"')) {
        lost = true
        throw new TypeError('network connection lost')
      }
      return answer
    })
    await tap('确认加分')
    await screen.findByText('网络不太好，请检查网络后再试', {}, WRITE)

    await tap('返回修改')
    await tap('下一步：核对')
    await tap('确认加分')

    expect(
      await screen.findByText(`${volunteer.name} 现在共有 ${before.balance + 10} 分`, {}, WRITE),
    ).toBeInTheDocument()
    const keys = pointsCalls(fetchSpy)
      .filter((call) => call.action === 'adjust')
      .map((call) => call.idempotencyKey)
    expect(keys).toHaveLength(2)
    expect(new Set(keys).size).toBe(1)
    expect((await summaryOf(volunteer.openid)).balance).toBe(before.balance + 10)
  })

  test('going back from the confirmation keeps what was filled in', async () => {
    const volunteer = await findIdentity(emulator(), 'volunteer')
    actAs(await findIdentity(emulator(), 'worker'))
    render(<AdjustPage />)
    await choosePerson(volunteer.name)
    await tap('爱心敲门探访')
    await typeInto(NOTE, '每周去看望独居的刘奶奶')
    await tap('下一步：核对')

    await tap('返回修改')

    await waitFor(() => expect(screen.queryByText('请核对')).not.toBeInTheDocument())
    const chosen = screen.getByText('爱心敲门探访').closest('.adjust__rule') as HTMLElement
    expect(chosen).toHaveAttribute('aria-checked', 'true')
    expect(
      within(screen.getByText('换一位').closest('.adjust__chosen') as HTMLElement).getByText(volunteer.name),
    ).toBeInTheDocument()
    fireEvent.click(screen.getByText('下一步：核对'))
    expect(await screen.findByText(`给 ${volunteer.name} 加 5 分：爱心敲门探访`)).toBeInTheDocument()
  })

  test('workers find 积分加减 in 我的, and nobody else does', async () => {
    actAs(await findIdentity(emulator(), 'worker'))
    const { unmount } = render(<MePage />)
    expect(await screen.findByText('积分加减', {}, WRITE)).toBeInTheDocument()
    unmount()

    actAs(await findIdentity(emulator(), 'volunteer'))
    render(<MePage />)
    expect(await screen.findByText('编辑资料', {}, WRITE)).toBeInTheDocument()
    expect(screen.queryByText('积分加减')).not.toBeInTheDocument()
  })

  test('tells two people with one name and number apart: the verified one first, since when each uses the app', async () => {
    const resident = await findIdentity(emulator(), 'resident')
    const phone = demoPhone(resident.openid)!
    // A stranger copies the resident's name and types her number.
    await callAs(emulator(), 'impostor-in-search', {
      action: 'updateProfile',
      nickname: resident.name,
      phone,
    })
    await callAs(emulator(), resident.openid, {
      action: 'verifyPhone',
      code: await emulator().phoneCode(resident.openid),
    })
    actAs(await findIdentity(emulator(), 'worker'))
    render(<AdjustPage />)

    await typeInto(SEARCH, resident.name)
    await tap('搜索')
    await screen.findByText(`“${resident.name}”的结果`)
    const rows = (await screen.findAllByText(resident.name)).map(
      (n) => n.closest('.adjust__person') as HTMLElement,
    )
    expect(rows).toHaveLength(2)
    expect(within(rows[0]).getByText(/已验证/)).toBeInTheDocument()
    expect(within(rows[1]).getByText(/未验证/)).toBeInTheDocument()
    expect(within(rows[1]).getByText(/起使用/)).toBeInTheDocument()
  })
})
