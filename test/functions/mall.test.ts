/**
 * The `mall` function over /fn: orders that hold points and reserve stock, one-time codes scanned by the
 * right shop exactly once, cancellation and expiry that give back exactly what was held, settlement —
 * under races, with the books checked after every test.
 */
import type {
  CatalogItem,
  CodeLookup,
  MerchantWithRewards,
  Order,
  RedemptionCode,
  Reward,
  SettlementItem,
} from '../../types/mall'
import { LOOKUP_LOCK_MS, LOOKUP_MAX_MISSES, SHOP_LOOKUP_MAX_MISSES } from '../../types/mall'
import type { Page } from '../../types/envelope'
import type { PointsSummaryFull } from '../../types/points'
import { emptyPoints } from '../../types/records'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import { readLedgerState } from '../helpers/invariants'
import type { Sdk } from '../helpers/sdk'

const WORKER = 'demo-worker-liu'
const SHOP = 'demo-merchant-zhou' // 惠民便民超市
const OTHER_SHOP = 'demo-merchant-guo' // 兴达汽修点
const BUYER = 'demo-volunteer-zhang'

let emu: Emulator
let sdk: Sdk

startEmulatorForFile({ seed: 'none', reset: 'demo', ledger: true }, (started, connected) => {
  emu = started
  sdk = connected
})
beforeEach(async () => {
  const topUp = {
    action: 'adjust',
    openid: BUYER,
    delta: 500,
    note: '测试发放',
    idempotencyKey: 'top-up-buyer',
  }
  expect((await emu.call('points', topUp, WORKER)).ok).toBe(true)
})

const mall = <T = Order>(data: object, openid?: string) => emu.call<T>('mall', data, openid)
const summary = async (openid: string) =>
  (await emu.call<PointsSummaryFull>('points', { action: 'summary' }, openid)).data!
let n = 0
const key = () => `mall-test-${Date.now()}-${n++}`

async function snapshot(): Promise<unknown> {
  const state = await readLedgerState(sdk)
  return [
    state.users.map((u) => [u.openid, u.points, u.mallOrders]),
    state.entries.length,
    state.orders,
    state.rewards,
  ]
}

async function heldOrder(openid = BUYER, rewardId = 'reward-eggs'): Promise<Order> {
  const res = await mall({ action: 'order', rewardId, idempotencyKey: key() }, openid)
  expect(res.ok).toBe(true)
  return res.data!
}

async function freshCode(order: Order, openid = BUYER): Promise<string> {
  return (await mall<RedemptionCode>({ action: 'code', orderId: order.id }, openid)).data!.code
}

async function person(openid: string, balance: number): Promise<void> {
  const now = Date.now()
  await sdk.db.collection('users').add({
    data: {
      _id: openid,
      openid,
      roles: ['resident'],
      nickname: `测试${openid}`,
      phone: null,
      community: '',
      address: null,
      elderMode: false,
      volunteer: null,
      merchantId: null,
      points: emptyPoints(),
      createdAt: now,
      updatedAt: now,
    },
  })
  if (balance > 0) {
    const res = await emu.call(
      'points',
      { action: 'adjust', openid, delta: balance, note: '测试发放', idempotencyKey: `seed-${openid}` },
      WORKER,
    )
    expect(res.ok).toBe(true)
  }
}

describe('orders', () => {
  it('holds the points and reserves one unit of stock, and answers the same order for the same key', async () => {
    const before = await summary(BUYER)
    const k = key()
    const first = await mall({ action: 'order', rewardId: 'reward-eggs', idempotencyKey: k }, BUYER)
    expect(first.data).toMatchObject({
      status: 'held',
      cost: 80,
      rewardTitle: '鲜鸡蛋 一盒30枚',
      merchantName: '惠民便民超市',
    })
    const again = await mall({ action: 'order', rewardId: 'reward-eggs', idempotencyKey: k }, BUYER)
    expect(again.data!.id).toBe(first.data!.id)
    expect(
      await mall({ action: 'order', rewardId: 'reward-noodles', idempotencyKey: k }, BUYER),
    ).toMatchObject({ code: 'already-exists' })
    const after = await summary(BUYER)
    expect([after.balance, after.held]).toEqual([before.balance, before.held + 80])
  })

  it('never lets racing orders spend more than is available', async () => {
    await person('thrifty', 250)
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        mall({ action: 'order', rewardId: 'reward-eggs', idempotencyKey: key() }, 'thrifty'),
      ),
    )
    // 鸡蛋 costs 80 and is limited to 2 per person: two orders (160 held), then the limit.
    expect(answers.filter((a) => a.ok)).toHaveLength(2)
    const s = await summary('thrifty')
    expect([s.balance, s.held, s.available]).toEqual([250, 160, 90])
    await person('poor', 100)
    const costly = await Promise.all(
      Array.from({ length: 8 }, () =>
        mall({ action: 'order', rewardId: 'reward-noodles', idempotencyKey: key() }, 'poor'),
      ),
    )
    expect(costly.filter((a) => a.ok)).toHaveLength(2)
    expect(
      costly
        .filter((a) => !a.ok)
        .every((a) => a.code === 'failed-precondition' || a.code === 'resource-exhausted'),
    ).toBe(true)
    expect((await summary('poor')).available).toBe(20)
  })

  it('never sells more than the stock however many people race for it', async () => {
    await emu.call(
      'mall',
      {
        action: 'upsertReward',
        id: 'reward-checkup',
        merchantId: 'shop-huaizhong-clinic',
        title: '老年人健康体检套餐',
        cost: 200,
        stock: 5,
        perUserLimit: 1,
      },
      WORKER,
    )
    const racers = Array.from({ length: 30 }, (_v, i) => `racer-${i}`)
    for (const r of racers) await person(r, 300)
    const answers = await Promise.all(
      racers.map((r) => mall({ action: 'order', rewardId: 'reward-checkup', idempotencyKey: key() }, r)),
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(5)
    expect(answers.filter((a) => !a.ok).every((a) => a.code === 'resource-exhausted')).toBe(true)
    const catalog = await mall<Page<CatalogItem>>({ action: 'catalog', merchantId: 'shop-huaizhong-clinic' })
    expect(catalog.data!.items.find((i) => i.id === 'reward-checkup')!.stock).toBe(0)
  })

  it('gives back exactly what was held on cancel, and refuses to cancel twice or someone else’s order', async () => {
    const before = await summary(BUYER)
    const o = await heldOrder()
    expect(await mall({ action: 'cancel', orderId: o.id }, 'demo-resident-li')).toMatchObject({
      code: 'permission-denied',
    })
    expect((await mall({ action: 'cancel', orderId: o.id }, BUYER)).data?.status).toBe('cancelled')
    expect(await mall({ action: 'cancel', orderId: o.id }, BUYER)).toMatchObject({
      code: 'failed-precondition',
    })
    const after = await summary(BUYER)
    expect([after.balance, after.held]).toEqual([before.balance, before.held])
  })

  it('expires held orders after 7 days through the timer, giving points and stock back', async () => {
    const before = await summary(BUYER)
    const o = await heldOrder()
    await emu.advanceClock(6 * 24 * 3600_000)
    expect((await summary(BUYER)).held).toBe(before.held + 80)
    await emu.advanceClock(24 * 3600_000 + 11 * 60_000)
    const mine = await mall<Page<Order>>({ action: 'orders', scope: 'mine' }, BUYER)
    expect(mine.data!.items.find((x) => x.id === o.id)?.status).toBe('expired')
    expect(mine.data!.items.filter((x) => x.status === 'held')).toEqual([])
    const after = await summary(BUYER)
    expect([after.balance, after.held]).toEqual([before.balance, 0])
  })
})

describe('redemption codes', () => {
  it('redeems exactly once when 30 scans of one code race; the rest already-exists or failed-precondition', async () => {
    const before = await summary(BUYER)
    const o = await heldOrder()
    const code = await freshCode(o)
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => mall({ action: 'redeem', code }, SHOP)),
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(
      answers
        .filter((a) => !a.ok)
        .every((a) => a.code === 'already-exists' || a.code === 'failed-precondition'),
    ).toBe(true)
    const after = await summary(BUYER)
    expect([after.balance, after.held, after.spent]).toEqual([
      before.balance - 80,
      before.held,
      before.spent + 80,
    ])
  })

  it('shows the shop what to hand over and to whom (masked), never an openid', async () => {
    const o = await heldOrder()
    const res = await mall({ action: 'redeem', code: await freshCode(o) }, SHOP)
    expect(res.data).toMatchObject({ status: 'redeemed', rewardTitle: '鲜鸡蛋 一盒30枚', customer: '张*芹' })
    expect(JSON.stringify(res.data)).not.toContain(BUYER)
    const shopList = await mall<Page<Order>>(
      { action: 'orders', scope: 'merchant', status: 'redeemed' },
      SHOP,
    )
    expect(shopList.data!.items[0]).toMatchObject({ id: o.id, customer: '张*芹' })
    expect(JSON.stringify(shopList.data)).not.toMatch(/demo-/)
  })

  it('refuses replayed, expired, replaced and tampered codes, and changes nothing', async () => {
    const o = await heldOrder()
    const old = await freshCode(o)
    const current = await freshCode(o)
    let before = await snapshot()
    expect(await mall({ action: 'redeem', code: old }, SHOP)).toMatchObject({ code: 'failed-precondition' })
    const tampered = current.slice(0, -3) + (current.endsWith('AAA') ? 'BBB' : 'AAA')
    expect(await mall({ action: 'redeem', code: tampered }, SHOP)).toMatchObject({ code: 'invalid-argument' })
    expect(await mall({ action: 'redeem', code: 'not-a-code' }, SHOP)).toMatchObject({
      code: 'invalid-argument',
    })
    const forgedOrder = current.replace(
      o.id,
      o.id.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
    )
    expect(await mall({ action: 'redeem', code: forgedOrder }, SHOP)).toMatchObject({
      code: 'invalid-argument',
    })
    expect(await snapshot()).toEqual(before)
    await emu.advanceClock(61_000)
    expect(await mall({ action: 'redeem', code: current }, SHOP)).toMatchObject({
      code: 'failed-precondition',
    })
    const fresh = await freshCode(o)
    expect((await mall({ action: 'redeem', code: fresh }, SHOP)).ok).toBe(true)
    before = await snapshot()
    expect(await mall({ action: 'redeem', code: fresh }, SHOP)).toMatchObject({ code: 'already-exists' })
    expect(await snapshot()).toEqual(before)
  })

  it('lets ONLY the staff of the reward’s shop redeem', async () => {
    const o = await heldOrder()
    const code = await freshCode(o)
    const before = await snapshot()
    expect(await mall({ action: 'redeem', code }, OTHER_SHOP)).toMatchObject({ code: 'permission-denied' })
    expect(await mall({ action: 'redeem', code }, WORKER)).toMatchObject({ code: 'permission-denied' })
    expect(await mall({ action: 'redeem', code }, BUYER)).toMatchObject({ code: 'permission-denied' })
    expect(await mall({ action: 'redeem', code })).toMatchObject({ code: 'unauthenticated' })
    expect(await snapshot()).toEqual(before)
  })

  it('shows one order to its owner, and to its shop’s staff with a masked name, to no one else', async () => {
    const o = await heldOrder()
    expect(await mall({ action: 'getOrder', orderId: o.id }, BUYER)).toMatchObject({
      ok: true,
      data: { id: o.id, openid: BUYER, status: 'held' },
    })
    const atShop = await mall({ action: 'getOrder', orderId: o.id }, SHOP)
    expect(atShop).toMatchObject({ ok: true, data: { id: o.id, customer: '张*芹' } })
    expect(JSON.stringify(atShop.data)).not.toContain(BUYER)
    for (const other of [OTHER_SHOP, WORKER, 'demo-resident-li']) {
      expect(await mall({ action: 'getOrder', orderId: o.id }, other)).toMatchObject({
        code: 'permission-denied',
      })
    }
    expect(await mall({ action: 'getOrder', orderId: 'order-none' }, BUYER)).toMatchObject({
      code: 'not-found',
    })
    await mall({ action: 'redeem', code: await freshCode(o) }, SHOP)
    expect(await mall({ action: 'getOrder', orderId: o.id }, BUYER)).toMatchObject({
      data: { status: 'redeemed' },
    })
  })

  it('gives codes only to the order’s owner, for held orders', async () => {
    const o = await heldOrder()
    expect(await mall({ action: 'code', orderId: o.id }, 'demo-resident-li')).toMatchObject({
      code: 'permission-denied',
    })
    await mall({ action: 'cancel', orderId: o.id }, BUYER)
    expect(await mall({ action: 'code', orderId: o.id }, BUYER)).toMatchObject({
      code: 'failed-precondition',
    })
  })
})

describe('digits read out when a code cannot be scanned', () => {
  const codeOf = async (order: Order) =>
    (await mall<RedemptionCode>({ action: 'code', orderId: order.id }, BUYER)).data!

  it('comes with every code as 8 digits, a new number with each new code', async () => {
    const o = await heldOrder()
    const first = await codeOf(o)
    const second = await codeOf(o)
    expect(first.shortCode).toMatch(/^\d{8}$/)
    expect(second.shortCode).toMatch(/^\d{8}$/)
    expect(second.shortCode).not.toBe(first.shortCode)
  })

  it('lets the shop find the order by the digits, see what to hand over, and redeem it with the code answered', async () => {
    const before = await summary(BUYER)
    const o = await heldOrder()
    const { shortCode } = await codeOf(o)
    const spaced = `${shortCode.slice(0, 4)} ${shortCode.slice(4)}`
    const found = await mall<CodeLookup>({ action: 'lookupCode', shortCode: spaced }, SHOP)
    expect(found.data!.order).toMatchObject({
      id: o.id,
      status: 'held',
      rewardTitle: '鲜鸡蛋 一盒30枚',
      customer: '张*芹',
    })
    expect(JSON.stringify(found.data)).not.toContain(BUYER)
    // Looking changes nothing; redeeming with the answered code does, once.
    expect((await summary(BUYER)).held).toBe(before.held + 80)
    expect(await mall({ action: 'redeem', code: found.data!.code }, SHOP)).toMatchObject({
      ok: true,
      data: { status: 'redeemed' },
    })
    expect(await mall({ action: 'lookupCode', shortCode }, SHOP)).toMatchObject({ code: 'not-found' })
    expect((await summary(BUYER)).balance).toBe(before.balance - 80)
  })

  it('finds nothing for digits that were replaced, expired, belong to another shop’s order, or never existed', async () => {
    const o = await heldOrder()
    const replaced = (await codeOf(o)).shortCode
    const current = (await codeOf(o)).shortCode
    const before = await snapshot()
    expect(await mall({ action: 'lookupCode', shortCode: replaced }, SHOP)).toMatchObject({
      code: 'not-found',
    })
    expect(await mall({ action: 'lookupCode', shortCode: current }, OTHER_SHOP)).toMatchObject({
      code: 'not-found',
    })
    const never = current === '00000000' ? '11111111' : '00000000'
    expect(await mall({ action: 'lookupCode', shortCode: never }, SHOP)).toMatchObject({ code: 'not-found' })
    await emu.advanceClock(61_000)
    expect(await mall({ action: 'lookupCode', shortCode: current }, SHOP)).toMatchObject({
      code: 'not-found',
    })
    expect(await snapshot()).toEqual(before)
  })

  it('is for shop staff only, and takes only 8 digits', async () => {
    const o = await heldOrder()
    const { shortCode } = await codeOf(o)
    const before = await snapshot()
    expect(await mall({ action: 'lookupCode', shortCode }, BUYER)).toMatchObject({
      code: 'permission-denied',
    })
    expect(await mall({ action: 'lookupCode', shortCode }, WORKER)).toMatchObject({
      code: 'permission-denied',
    })
    expect(await mall({ action: 'lookupCode', shortCode })).toMatchObject({ code: 'unauthenticated' })
    for (const bad of ['1234567', '123456789', '1234567a', '', { $gt: '' }, 12345678]) {
      expect(await mall({ action: 'lookupCode', shortCode: bad }, SHOP)).toMatchObject({
        code: 'invalid-argument',
      })
    }
    expect(await snapshot()).toEqual(before)
  })

  it(`locks a staff member's lookups for ${LOOKUP_LOCK_MS / 60_000} minutes after ${LOOKUP_MAX_MISSES} digits that match nothing, even right ones`, async () => {
    const o = await heldOrder()
    const { shortCode } = await codeOf(o)
    const wrong = (i: number) => String((Number(shortCode) + 1 + i) % 10 ** 8).padStart(8, '0')
    for (let i = 1; i < LOOKUP_MAX_MISSES; i++) {
      expect(await mall({ action: 'lookupCode', shortCode: wrong(i) }, SHOP)).toMatchObject({
        code: 'not-found',
      })
    }
    const last = await mall({ action: 'lookupCode', shortCode: wrong(0) }, SHOP)
    expect(last).toMatchObject({ code: 'failed-precondition' })
    expect(last.message).toContain('输错太多次')
    const fresh = (await codeOf(o)).shortCode
    expect(await mall({ action: 'lookupCode', shortCode: fresh }, SHOP)).toMatchObject({
      code: 'failed-precondition',
    })
    await emu.advanceClock(LOOKUP_LOCK_MS + 1000)
    const again = (await codeOf(o)).shortCode
    expect(await mall<CodeLookup>({ action: 'lookupCode', shortCode: again }, SHOP)).toMatchObject({
      ok: true,
      data: { order: { id: o.id } },
    })
  })

  it('counts every one of many racing lookups that match nothing: 30 at once, then the right digits wait', async () => {
    const o = await heldOrder()
    const { shortCode } = await codeOf(o)
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        mall(
          { action: 'lookupCode', shortCode: String((Number(shortCode) + 1 + i) % 10 ** 8).padStart(8, '0') },
          SHOP,
        ),
      ),
    )
    expect(answers.filter((a) => a.code === 'not-found')).toHaveLength(LOOKUP_MAX_MISSES - 1)
    expect(answers.filter((a) => a.code === 'failed-precondition')).toHaveLength(30 - (LOOKUP_MAX_MISSES - 1))
    expect(await mall({ action: 'lookupCode', shortCode }, SHOP)).toMatchObject({
      code: 'failed-precondition',
    })
  })

  it('forgives nothing for a hit: wrong digits alternated with live ones lock after 10 misses all the same', async () => {
    const o = await heldOrder()
    const beside = (digits: string, i: number) => String((Number(digits) + 1 + i) % 10 ** 8).padStart(8, '0')
    let misses = 0
    let shortCode = ''
    while (misses < LOOKUP_MAX_MISSES - 1) {
      shortCode = (await codeOf(o)).shortCode
      expect(await mall({ action: 'lookupCode', shortCode }, SHOP)).toMatchObject({ ok: true })
      for (let i = 0; i < 3 && misses < LOOKUP_MAX_MISSES - 1; i++, misses++) {
        const miss = await mall({ action: 'lookupCode', shortCode: beside(shortCode, i) }, SHOP)
        expect(miss).toMatchObject({ code: 'not-found' })
      }
    }
    shortCode = (await codeOf(o)).shortCode
    expect(await mall({ action: 'lookupCode', shortCode }, SHOP)).toMatchObject({ ok: true })
    const last = await mall({ action: 'lookupCode', shortCode: beside(shortCode, 0) }, SHOP)
    expect(last).toMatchObject({ code: 'failed-precondition' })
    expect(last.message).toContain('输错太多次')
    expect(await mall({ action: 'lookupCode', shortCode }, SHOP)).toMatchObject({
      code: 'failed-precondition',
    })
  })

  it('counts every lookup of a burst in turn: 80 at once, live digits among them, never more than 10 misses', async () => {
    const orders = [
      await heldOrder(),
      await heldOrder(BUYER, 'reward-noodles'),
      await heldOrder(BUYER, 'reward-noodles'),
    ]
    const live = await Promise.all(orders.map(async (o) => (await codeOf(o)).shortCode))
    const taken = new Set(live)
    const misses: string[] = []
    for (let i = 1; misses.length < 77; i++) {
      const digits = String((Number(live[0]) + i * 7919) % 10 ** 8).padStart(8, '0')
      if (!taken.has(digits)) misses.push(digits)
    }
    // The live digits go in among the misses, after most of them.
    const burst = [
      ...misses.slice(0, 40),
      live[0],
      ...misses.slice(40, 60),
      live[1],
      ...misses.slice(60),
      live[2],
    ]
    const answers = await Promise.all(
      burst.map((shortCode) => mall({ action: 'lookupCode', shortCode }, SHOP)),
    )
    expect(answers.every((a) => a.ok || a.code === 'not-found' || a.code === 'failed-precondition')).toBe(
      true,
    )
    expect(answers.filter((a) => a.code === 'not-found')).toHaveLength(LOOKUP_MAX_MISSES - 1)
    const staff = (await sdk.db.collection('users').doc(SHOP).get()).data
    expect(staff.lookupLock.missedAt).toHaveLength(LOOKUP_MAX_MISSES)
    // Whatever was found was found before the tenth miss locked the lookups; everything after is refused.
    for (const shortCode of live) {
      expect(await mall({ action: 'lookupCode', shortCode }, SHOP)).toMatchObject({
        code: 'failed-precondition',
      })
    }
  })

  it(`stops a whole shop's lookups after ${SHOP_LOOKUP_MAX_MISSES} misses by all its staff together in any ${LOOKUP_LOCK_MS / 60_000} minutes`, async () => {
    const staff = Array.from(
      { length: Math.ceil(SHOP_LOOKUP_MAX_MISSES / (LOOKUP_MAX_MISSES - 1)) + 1 },
      (_, i) => `huimin-staff-${i}`,
    )
    for (const openid of staff) {
      const granted = await emu.call(
        'user',
        { action: 'grantRole', openid, role: 'merchant', merchantId: 'shop-huimin' },
        WORKER,
      )
      expect(granted.ok).toBe(true)
    }
    const o = await heldOrder()
    const { shortCode } = await codeOf(o)
    let shopMisses = 0
    for (const openid of staff) {
      // Each stays under their own limit.
      for (let i = 0; i < LOOKUP_MAX_MISSES - 1 && shopMisses < SHOP_LOOKUP_MAX_MISSES; i++, shopMisses++) {
        const miss = String((Number(shortCode) + 1 + shopMisses) % 10 ** 8).padStart(8, '0')
        const res = await mall({ action: 'lookupCode', shortCode: miss }, openid)
        expect(res.code).toBe(shopMisses === SHOP_LOOKUP_MAX_MISSES - 1 ? 'failed-precondition' : 'not-found')
      }
    }
    for (const openid of [SHOP, ...staff]) {
      const refused = await mall({ action: 'lookupCode', shortCode }, openid)
      expect(refused).toMatchObject({ code: 'failed-precondition' })
      expect(refused.message).toContain('本店')
    }
    // Scanning the code still works: only typed digits are limited.
    expect(await mall({ action: 'redeem', code: await freshCode(o) }, SHOP)).toMatchObject({ ok: true })
    await emu.advanceClock(LOOKUP_LOCK_MS + 1000)
    const again = await heldOrder(BUYER, 'reward-noodles')
    expect(
      await mall({ action: 'lookupCode', shortCode: (await codeOf(again)).shortCode }, staff[0]),
    ).toMatchObject({
      ok: true,
    })
  })

  it('stops working once the order is cancelled', async () => {
    const o = await heldOrder()
    const { shortCode } = await codeOf(o)
    await mall({ action: 'cancel', orderId: o.id }, BUYER)
    expect(await mall({ action: 'lookupCode', shortCode }, SHOP)).toMatchObject({ code: 'not-found' })
  })
})

describe('catalogue, shops and settlement', () => {
  it('lists rewards by shop kind to anyone, with their shop', async () => {
    const res = await mall<Page<CatalogItem>>({ action: 'catalog', kind: 'pharmacy' })
    expect(res.data!.items.length).toBeGreaterThan(0)
    expect(
      res.data!.items.every((i) => i.merchant.kind === 'pharmacy' && i.merchant.name.includes('药房')),
    ).toBe(true)
  })

  it('lets a shop’s staff manage only their own rewards, and only workers manage shops', async () => {
    const own = await mall<Reward>(
      {
        action: 'upsertReward',
        merchantId: 'shop-huimin',
        title: '酱油 一瓶',
        cost: 30,
        stock: 10,
        perUserLimit: 2,
      },
      SHOP,
    )
    expect(own.data).toMatchObject({ merchantId: 'shop-huimin', stock: 10 })
    expect(
      await mall(
        {
          action: 'upsertReward',
          merchantId: 'shop-xingda-repair',
          title: '洗车',
          cost: 1,
          stock: 1,
          perUserLimit: 1,
        },
        SHOP,
      ),
    ).toMatchObject({ code: 'permission-denied' })
    expect(
      await mall({ action: 'upsertMerchant', name: '新店', kind: 'other', address: '某路1号' }, SHOP),
    ).toMatchObject({ code: 'permission-denied' })
    const shop = await mall<{ id: string }>(
      { action: 'upsertMerchant', name: '爱心理发店', kind: 'other', address: '裕华区槐中路12号' },
      WORKER,
    )
    expect(shop.data!.id).toMatch(/^shop-/)
  })

  it('shows workers every shop with every reward, paused and taken off sale too, so that they can be opened again', async () => {
    const huimin = (await mall<Page<CatalogItem>>({ action: 'catalog', merchantId: 'shop-huimin' })).data!
      .items[0].merchant
    await mall(
      {
        action: 'upsertMerchant',
        id: huimin.id,
        name: huimin.name,
        kind: huimin.kind,
        address: huimin.address,
        active: false,
      },
      WORKER,
    )
    const eggs = (await mall<Page<CatalogItem>>({ action: 'catalog', merchantId: 'shop-xingda-repair' }))
      .data!.items[0]
    const { merchant: _shop, ...reward } = eggs
    await mall(
      {
        action: 'upsertReward',
        ...{
          id: reward.id,
          merchantId: reward.merchantId,
          title: reward.title,
          cost: reward.cost,
          stock: reward.stock,
          perUserLimit: reward.perUserLimit,
        },
        active: false,
      },
      WORKER,
    )
    // Residents no longer see them ...
    const listed = async (merchantId: string) =>
      (await mall<Page<CatalogItem>>({ action: 'catalog', merchantId })).data!.items
    expect(await listed(huimin.id)).toEqual([])
    expect((await listed('shop-xingda-repair')).map((i) => i.id)).not.toContain(reward.id)
    // ... workers do, page by page, each shop once.
    const seen: MerchantWithRewards[] = []
    let cursor: string | undefined
    do {
      const page = await mall<Page<MerchantWithRewards>>({ action: 'merchants', limit: 2, cursor }, WORKER)
      expect(page.data!.items.length).toBeLessThanOrEqual(2)
      seen.push(...page.data!.items)
      cursor = page.data!.nextCursor ?? undefined
    } while (cursor)
    expect(new Set(seen.map((s) => s.merchant.id)).size).toBe(seen.length)
    expect(seen.find((s) => s.merchant.id === huimin.id)).toMatchObject({ merchant: { active: false } })
    const repair = seen.find((s) => s.merchant.id === 'shop-xingda-repair')!
    expect(repair.rewards.find((r) => r.id === reward.id)).toMatchObject({ active: false })
    expect(repair.rewards.every((r) => r.merchantId === 'shop-xingda-repair')).toBe(true)
    expect(await mall({ action: 'merchants' }, SHOP)).toMatchObject({ code: 'permission-denied' })
    expect(await mall({ action: 'merchants' }, BUYER)).toMatchObject({ code: 'permission-denied' })
  })

  it('settles per shop and period for workers, and a shop sees only its own', async () => {
    const from = Date.now() - 1000
    for (let i = 0; i < 2; i++) {
      const o = await heldOrder(BUYER, i ? 'reward-noodles' : 'reward-eggs')
      await mall({ action: 'redeem', code: await freshCode(o) }, SHOP)
    }
    const to = Date.now() + 1000
    const all = await mall<{ items: SettlementItem[] }>({ action: 'settlement', from, to }, WORKER)
    expect(all.data!.items).toEqual([
      { merchantId: 'shop-huimin', name: '惠民便民超市', orders: 2, points: 120 },
    ])
    const own = await mall<{ items: SettlementItem[] }>({ action: 'settlement', from, to }, SHOP)
    expect(own.data!.items).toEqual(all.data!.items)
    expect(
      await mall({ action: 'settlement', merchantId: 'shop-huimin', from, to }, OTHER_SHOP),
    ).toMatchObject({ code: 'permission-denied' })
    expect(await mall({ action: 'settlement', from: to, to: from }, WORKER)).toMatchObject({
      code: 'invalid-argument',
    })
  })
})

describe('a paused shop', () => {
  const setShopOpen = async (active: boolean) => {
    const res = await mall(
      {
        action: 'upsertMerchant',
        id: 'shop-huimin',
        name: '惠民便民超市',
        kind: 'supermarket',
        address: '裕华区槐中路社区底商',
        active,
      },
      WORKER,
    )
    expect(res).toMatchObject({ ok: true, data: { active } })
  }

  it('opens a shared reward for anyone while on sale; paused, off sale or unknown all answer the same not-found', async () => {
    const shared = await mall<CatalogItem>({ action: 'reward', id: 'reward-eggs' })
    expect(shared).toMatchObject({ ok: true, data: { id: 'reward-eggs', merchant: { id: 'shop-huimin' } } })
    await setShopOpen(false)
    const paused = await mall({ action: 'reward', id: 'reward-eggs' }, BUYER)
    const unknown = await mall({ action: 'reward', id: 'reward-never-made' }, BUYER)
    expect(paused).toMatchObject({ ok: false, code: 'not-found' })
    expect(paused).toEqual(unknown)
    await setShopOpen(true)
    expect((await mall({ action: 'reward', id: 'reward-eggs' })).ok).toBe(true)
  })

  it('takes no orders while paused, even by reward id, and changes nothing', async () => {
    await setShopOpen(false)
    const before = await snapshot()
    for (const rewardId of ['reward-eggs', 'reward-noodles']) {
      const res = await mall({ action: 'order', rewardId, idempotencyKey: key() }, BUYER)
      expect(res).toMatchObject({ ok: false, code: 'failed-precondition' })
      expect(res.message).toContain('暂停')
    }
    // A reward added while the shop is paused is not for sale either.
    const added = await mall<Reward>(
      {
        action: 'upsertReward',
        merchantId: 'shop-huimin',
        title: '酱油 一瓶',
        cost: 30,
        stock: 5,
        perUserLimit: 1,
      },
      SHOP,
    )
    const beforeNew = await snapshot()
    expect(
      await mall({ action: 'order', rewardId: added.data!.id, idempotencyKey: key() }, BUYER),
    ).toMatchObject({ code: 'failed-precondition' })
    expect(await snapshot()).toEqual(beforeNew)
    expect((before as unknown[])[2]).toEqual((beforeNew as unknown[])[2])
    await setShopOpen(true)
    expect((await mall({ action: 'order', rewardId: added.data!.id, idempotencyKey: key() }, BUYER)).ok).toBe(
      true,
    )
  })

  it('keeps an order held before the pause: its owner may cancel it, the shop may still hand it over, or it expires', async () => {
    const toRedeem = await heldOrder()
    const toCancel = await heldOrder(BUYER, 'reward-noodles')
    const toExpire = await heldOrder(BUYER, 'reward-noodles')
    await setShopOpen(false)
    const before = await summary(BUYER)
    expect(await mall({ action: 'redeem', code: await freshCode(toRedeem) }, SHOP)).toMatchObject({
      ok: true,
      data: { status: 'redeemed' },
    })
    expect(await mall({ action: 'cancel', orderId: toCancel.id }, BUYER)).toMatchObject({
      ok: true,
      data: { status: 'cancelled' },
    })
    await emu.advanceClock(7 * 24 * 3600_000 + 11 * 60_000)
    expect(await mall({ action: 'getOrder', orderId: toExpire.id }, BUYER)).toMatchObject({
      data: { status: 'expired' },
    })
    const after = await summary(BUYER)
    // Everything held has run out by now; only the order handed over was spent.
    expect([after.balance, after.held]).toEqual([before.balance - 80, 0])
  })
})

describe('an order past its hold', () => {
  /** The expiry timer's period (cloudfunctions/mall/config.json: every 10 minutes). */
  const SWEEP_MS = 10 * 60_000

  /** Moves the emulator's clock to 30 s after its next sweep, so that the next minutes hold no sweep. */
  async function justAfterASweep(): Promise<number> {
    const now = await emu.advanceClock(0)
    return emu.advanceClock(Math.ceil(now / SWEEP_MS) * SWEEP_MS + 30_000 - now)
  }

  it('is expired at once for code, lookupCode and redeem, before the timer has run, and they change nothing', async () => {
    await justAfterASweep()
    const o = await heldOrder()
    // A second before the hold runs out: a code is given, valid no longer than the order.
    await emu.advanceClock(o.expiresAt - 1000 - (await emu.advanceClock(0)))
    const shown = (await mall<RedemptionCode>({ action: 'code', orderId: o.id }, BUYER)).data!
    expect(shown.expiresAt).toBeLessThanOrEqual(o.expiresAt)
    // Two seconds later the hold has run out, and no sweep has run since.
    await emu.advanceClock(2000)
    const before = await snapshot()
    expect(await mall({ action: 'getOrder', orderId: o.id }, BUYER)).toMatchObject({
      data: { status: 'held' },
    })
    const redeemed = await mall({ action: 'redeem', code: shown.code }, SHOP)
    expect(redeemed).toMatchObject({ ok: false, code: 'failed-precondition' })
    expect(redeemed.message).toContain('过期')
    expect(await mall({ action: 'lookupCode', shortCode: shown.shortCode }, SHOP)).toMatchObject({
      code: 'not-found',
    })
    const code = await mall({ action: 'code', orderId: o.id }, BUYER)
    expect(code).toMatchObject({ ok: false, code: 'failed-precondition' })
    expect(code.message).toContain('过期')
    expect(await snapshot()).toEqual(before)
    // The sweep then gives the points and the stock back.
    await emu.advanceClock(SWEEP_MS)
    expect(await mall({ action: 'getOrder', orderId: o.id }, BUYER)).toMatchObject({
      data: { status: 'expired' },
    })
  })
})
