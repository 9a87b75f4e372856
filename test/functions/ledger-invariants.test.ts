/**
 * The ledger module under a randomized storm: many racing earns, deductions, spends, holds, releases,
 * captures and replays across several people, for several seeds. After each storm, for every person,
 * balance = Σ ledger, held = Σ open holds and available ≥ 0; every key wrote at most once.
 */
import type * as Errors from '../../server/errors'
import type * as Ledger from '../../server/ledger'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { ledgerViolations, readLedgerState } from '../helpers/invariants'
import { connectSdk, type Sdk } from '../helpers/sdk'

let emu: Emulator
let sdk: Sdk
// Loaded after the SDK is pointed at the emulator (the module initialises wx-server-sdk when it loads).
let ledger: typeof Ledger
let AppError: typeof Errors.AppError

const PEOPLE = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']

beforeAll(async () => {
  emu = await startEmulator({ seed: 'none' })
  sdk = connectSdk(emu.url)
  ledger = await import('../../server/ledger')
  AppError = (await import('../../server/errors')).AppError
})
afterAll(() => emu.stop())

function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

describe.each([11, 23, 42])('seed %i', (seed) => {
  beforeAll(async () => {
    await emu.reset('none')
    for (const p of PEOPLE) expect((await emu.call('user', { action: 'login' }, p)).ok).toBe(true)
  })

  it('keeps balance = Σ ledger, held = Σ open holds and available ≥ 0 after 400 racing operations', async () => {
    const rnd = random(seed)
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]
    const holdKeys: string[] = []
    const postedKeys: Array<Parameters<typeof ledger.postEntry>[0]> = []
    const ops: Array<() => Promise<unknown>> = []
    for (let i = 0; i < 400; i++) {
      const openid = pick(PEOPLE)
      const roll = rnd()
      const key = `s${seed}-op${i}`
      if (roll < 0.3) {
        const change = {
          openid,
          delta: 1 + Math.floor(rnd() * 20),
          kind: 'civic' as const,
          refId: 'r',
          note: 'earn',
          operator: 'w',
          key,
        }
        postedKeys.push(change)
        ops.push(() => ledger.postEntry(change))
      } else if (roll < 0.42) {
        ops.push(() =>
          ledger.postEntry({
            openid,
            delta: -(1 + Math.floor(rnd() * 40)),
            kind: 'deduction',
            refId: 'r',
            note: 'deduct',
            operator: 'w',
            key,
            clampToAvailable: true,
          }),
        )
      } else if (roll < 0.5) {
        ops.push(() =>
          ledger.postEntry({
            openid,
            delta: -(1 + Math.floor(rnd() * 15)),
            kind: 'adjustment',
            refId: 'r',
            note: 'spend',
            operator: 'w',
            key,
          }),
        )
      } else if (roll < 0.7) {
        holdKeys.push(key)
        const amount = 1 + Math.floor(rnd() * 25)
        ops.push(() => ledger.holdPoints({ openid, amount, refId: key, key }))
      } else if (roll < 0.82 && holdKeys.length) {
        const k = pick(holdKeys)
        ops.push(() => ledger.releaseHold(k))
      } else if (roll < 0.92 && holdKeys.length) {
        const k = pick(holdKeys)
        ops.push(() => ledger.captureHold(k, { refId: k, note: 'redeem', operator: 'shop' }))
      } else if (postedKeys.length) {
        // A replay of an earlier change: answered again, never written twice.
        const earlier = pick(postedKeys)
        ops.push(() => ledger.postEntry(earlier))
      }
    }
    const outcomes = await Promise.allSettled(ops.map((op) => op()))
    const unexpected = outcomes.filter((o) => o.status === 'rejected' && !(o.reason instanceof AppError))
    expect(unexpected).toEqual([])
    const refused = outcomes
      .filter((o) => o.status === 'rejected')
      .map((o) => (o as PromiseRejectedResult).reason.code)
    expect(new Set(refused).size).toBeLessThanOrEqual(3)
    for (const code of refused) expect(['failed-precondition', 'not-found']).toContain(code)

    const state = await readLedgerState(sdk)
    expect(ledgerViolations(state)).toEqual([])
    // One entry per key: ids are derived from keys, so duplicates would show as repeated refIds of captures.
    const captures = state.entries.filter((e) => e.kind === 'redemption')
    expect(new Set(captures.map((e) => e.refId)).size).toBe(captures.length)
    expect(state.holds.filter((h) => h.status === 'captured').length).toBe(captures.length)
    expect(state.entries.length).toBeGreaterThan(50)
  })
})
