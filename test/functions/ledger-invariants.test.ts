/**
 * A randomized storm over /fn, for several seeds: racing earns and deductions (points.adjust), orders that
 * hold points (mall.order), cancellations that release them (mall.cancel), redemptions that spend them
 * (mall.code + mall.redeem, some racing a cancellation of the same order) and replays of earlier calls.
 * After each storm: balance = Σ ledger, held = Σ held orders, available ≥ 0, stock adds up, each
 * redeemed order has one redemption entry — and every refusal was a proper one.
 */
import type { Order, RedemptionCode } from '../../types/mall'
import type { Emulator, Envelope } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import { ledgerViolations, readLedgerState } from '../helpers/invariants'
import type { Sdk } from '../helpers/sdk'

let emu: Emulator
let sdk: Sdk

const PEOPLE = [
  'demo-resident-li',
  'demo-resident-wang',
  'demo-neighbour-02',
  'demo-neighbour-03',
  'demo-neighbour-05',
  'demo-neighbour-06',
]
/** The rewards ordered in the storm, and who scans them. */
const REWARDS: Record<string, string> = {
  'reward-noodles': 'demo-merchant-zhou',
  'reward-eggs': 'demo-merchant-zhou',
  'reward-bp-check': 'demo-merchant-meng',
  'reward-masks': 'demo-merchant-tian',
  'reward-tyre': 'demo-merchant-guo',
}
/** Staff of every demo shop, for the orders the seed left held. */
const STAFF: Record<string, string> = {
  'shop-huimin': 'demo-merchant-zhou',
  'shop-huaizhong-clinic': 'demo-merchant-meng',
  'shop-renhe-pharmacy': 'demo-merchant-tian',
  'shop-xingda-repair': 'demo-merchant-guo',
}
const PROPER = ['failed-precondition', 'resource-exhausted', 'already-exists']

startEmulatorForFile({ seed: 'none' }, (started, connected) => {
  emu = started
  sdk = connected
})

function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

describe.each([11, 23, 42])('seed %i', (seed) => {
  beforeAll(() => emu.reset('demo'))

  it('keeps the books after 400 racing earns, deductions, orders, cancellations, redemptions and replays', async () => {
    const rnd = random(seed)
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]
    const answers: Array<Envelope<unknown>> = []
    // Up to 48 calls in flight at once, in random order: heavy racing on six people, without turning the
    // test into a measure of how many calls one machine can queue within a function's time limit.
    const run = async (ops: Array<() => Promise<Envelope<unknown> | Envelope<unknown>[]>>) => {
      const queue = [...ops]
      await Promise.all(
        Array.from({ length: 48 }, async () => {
          for (let op = queue.shift(); op; op = queue.shift()) {
            const a = await op()
            answers.push(...(Array.isArray(a) ? a : [a]))
          }
        }),
      )
    }
    const adjust = (openid: string, delta: number, key: string) =>
      emu.call(
        'points',
        { action: 'adjust', openid, delta, note: '随机测试', idempotencyKey: key },
        'demo-worker-liu',
      )
    const order = (openid: string, rewardId: string, key: string) =>
      emu.call<Order>('mall', { action: 'order', rewardId, idempotencyKey: key }, openid)

    // Phase 1: everyone earns, some lose points, many order (some with a replayed key).
    const placed: Array<{ openid: string; rewardId: string; key: string }> = []
    const phase1: Array<() => Promise<Envelope<unknown>>> = []
    for (let i = 0; i < 200; i++) {
      const openid = pick(PEOPLE)
      const roll = rnd()
      const key = `storm-${seed}-a${i}`
      if (roll < 0.35) phase1.push(() => adjust(openid, 5 + Math.floor(rnd() * 60), key))
      else if (roll < 0.5) phase1.push(() => adjust(openid, -(1 + Math.floor(rnd() * 80)), key))
      else {
        const rewardId = pick(Object.keys(REWARDS))
        placed.push({ openid, rewardId, key })
        phase1.push(() => order(openid, rewardId, key))
        if (rnd() < 0.2) phase1.push(() => order(openid, rewardId, key))
      }
    }
    await run(phase1)

    // Phase 2: held orders are cancelled, redeemed, or both at once; more earning and ordering meanwhile.
    const held = (await sdk.db.collection('orders').where({ status: 'held' }).limit(1000).get())
      .data as Array<{
      _id: string
      openid: string
      merchantId: string
    }>
    const phase2: Array<() => Promise<Envelope<unknown> | Envelope<unknown>[]>> = []
    const redeem = async (o: { _id: string; openid: string; merchantId: string }, scans: number) => {
      const code = await emu.call<RedemptionCode>('mall', { action: 'code', orderId: o._id }, o.openid)
      if (!code.ok) return [code]
      return Promise.all(
        Array.from({ length: scans }, () =>
          emu.call('mall', { action: 'redeem', code: code.data!.code }, STAFF[o.merchantId]),
        ),
      )
    }
    for (const o of held) {
      const roll = rnd()
      if (roll < 0.35) phase2.push(() => emu.call('mall', { action: 'cancel', orderId: o._id }, o.openid))
      else if (roll < 0.75) phase2.push(() => redeem(o, 1 + Math.floor(rnd() * 3)))
      else if (roll < 0.9) {
        phase2.push(() => redeem(o, 2))
        phase2.push(() => emu.call('mall', { action: 'cancel', orderId: o._id }, o.openid))
      }
    }
    for (let i = 0; i < 100; i++) {
      const openid = pick(PEOPLE)
      const key = `storm-${seed}-b${i}`
      if (rnd() < 0.5) phase2.push(() => adjust(openid, 3 + Math.floor(rnd() * 30), key))
      else phase2.push(() => order(openid, pick(Object.keys(REWARDS)), key))
    }
    await run(phase2)

    const improper = answers.filter((a) => !a.ok && !PROPER.includes(a.code!))
    expect(improper).toEqual([])
    expect(answers.filter((a) => a.ok).length).toBeGreaterThan(150)
    expect(ledgerViolations(await readLedgerState(sdk))).toEqual([])
  })
})
