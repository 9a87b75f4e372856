/**
 * Deadlocks among many racing transactions: every deadlock dooms its youngest transaction, whose retry keeps
 * its age, so nearly every one of them completes and none leaves anything half-done.
 * This file's emulator waits up to 12 s for a lock (`--lock-wait`), so that a waiter gives way only to a
 * deadlock: with the 2 s default, 150 queued transactions on a slow machine also give way to the wait limit,
 * which is not what this test is about. It has its own file because wx-server-sdk is configured once per process.
 */
import type { Sdk } from '../helpers/sdk'
import { startBank, type Bank } from './accounts'

let bank: Bank

beforeAll(async () => {
  bank = await startBank(12_000)
})
afterAll(() => bank.emu.stop())

it('keeps the total of 150 racing transfers in opposite directions, nearly all completed', async () => {
  const names = ['p1', 'p2', 'p3', 'p4']
  for (const n of names) await bank.account(n, 1000)
  const outcomes = await Promise.allSettled(
    Array.from({ length: 150 }, (_v, i) => {
      const from = names[i % 4]
      const to = names[(i * 7 + 1) % 4] === from ? names[(i + 1) % 4] : names[(i * 7 + 1) % 4]
      return bank.sdk.db.runTransaction(async (tx: Sdk['db']) => {
        const a = (await tx.collection('accounts').doc(from).get()).data
        const b = (await tx.collection('accounts').doc(to).get()).data
        await tx
          .collection('accounts')
          .doc(from)
          .update({ data: { balance: a.balance - 1 } })
        await tx
          .collection('accounts')
          .doc(to)
          .update({ data: { balance: b.balance + 1 } })
      })
    }),
  )
  const total = (await Promise.all(names.map((n) => bank.balance(n)))).reduce((s, b) => s + b, 0)
  expect(total).toBe(4000)
  // Every deadlock has an older survivor that is served first; a loser that runs out of the SDK's
  // retries gets a clean conflict, nothing half-done.
  const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')
  for (const f of failures) expect(String(f.reason?.errMsg ?? f.reason?.message)).toMatch(/conflict/)
  expect(failures.length).toBeLessThanOrEqual(7)
})
