/**
 * Transactions through the real SDK (runTransaction and startTransaction/commit/rollback) with real
 * isolation: what a transaction reads stays true until it commits, racing transactions never lose an
 * update, and a transaction that loses a deadlock is retried.
 */
import { rejection, type Sdk } from '../helpers/sdk'
import { startBank, type Bank } from './accounts'

let bank: Bank
let sdk: Sdk

beforeAll(async () => {
  bank = await startBank()
  sdk = bank.sdk
})
afterAll(() => bank.emu.stop())

const accounts = () => sdk.db.collection('accounts')
const balance = (id: string) => bank.balance(id)
const account = (id: string, amount: number) => bank.account(id, amount)

it('commits every write of a transaction together', async () => {
  await account('c1', 100)
  await account('c2', 0)
  await sdk.db.runTransaction(async (tx: Sdk['db']) => {
    const from = (await tx.collection('accounts').doc('c1').get()).data
    await tx
      .collection('accounts')
      .doc('c1')
      .update({ data: { balance: from.balance - 30 } })
    await tx
      .collection('accounts')
      .doc('c2')
      .update({ data: { balance: sdk._.inc(30) } })
    await tx.collection('accounts').add({ data: { _id: 'c-log', note: 'moved 30' } })
  })
  expect([await balance('c1'), await balance('c2')]).toEqual([70, 30])
  expect((await accounts().doc('c-log').get()).data.note).toBe('moved 30')
})

it('rolls everything back when the callback throws, and passes the error on', async () => {
  await account('r1', 50)
  const failure = sdk.db.runTransaction(async (tx: Sdk['db']) => {
    await tx
      .collection('accounts')
      .doc('r1')
      .update({ data: { balance: 0 } })
    await tx.collection('accounts').add({ data: { _id: 'r-log' } })
    throw new Error('not enough')
  })
  await expect(failure).rejects.toThrow('not enough')
  expect(await balance('r1')).toBe(50)
  expect((await accounts().where({ _id: 'r-log' }).count()).total).toBe(0)
})

it('keeps a transaction’s writes invisible to others until it commits', async () => {
  await account('v1', 1)
  const tx = await sdk.db.startTransaction()
  await tx
    .collection('accounts')
    .doc('v1')
    .update({ data: { balance: 2 } })
  expect((await tx.collection('accounts').doc('v1').get()).data.balance).toBe(2)
  expect(await balance('v1')).toBe(1)
  await tx.commit()
  expect(await balance('v1')).toBe(2)
})

it('discards the writes of a transaction that is rolled back', async () => {
  await account('b1', 5)
  const tx = await sdk.db.startTransaction()
  await tx
    .collection('accounts')
    .doc('b1')
    .update({ data: { balance: 6 } })
  await tx.rollback()
  expect(await balance('b1')).toBe(5)
})

it('answers a conflict, never a duplicate key, when a transaction that waited too long inserts what another committed', async () => {
  const first = await sdk.db.startTransaction()
  await first.collection('accounts').add({ data: { _id: 'dup-1', balance: 1 } })
  const second = await sdk.db.startTransaction()
  // The second waits for the first's lock until the wait gives up on it (it is doomed and reads without it).
  const seen = await second
    .collection('accounts')
    .doc('dup-1')
    .get()
    .then(
      (r: { data: unknown }) => r.data,
      () => null,
    )
  expect(seen).toBeNull()
  await first.commit()
  const refused = await rejection(second.collection('accounts').add({ data: { _id: 'dup-1', balance: 2 } }))
  const said = JSON.stringify(refused) + String((refused as { message?: string }).message)
  expect(said).toMatch(/TRANSACTION_CONFLICT|transaction conflict/)
  expect(said).not.toMatch(/duplicate/)
  expect(await balance('dup-1')).toBe(1)
})

it('counts all of 100 racing read-then-write increments of one document', async () => {
  await account('hot', 0)
  const results = await Promise.allSettled(
    Array.from({ length: 100 }, () =>
      sdk.db.runTransaction(async (tx: Sdk['db']) => {
        const doc = (await tx.collection('accounts').doc('hot').get()).data
        await tx
          .collection('accounts')
          .doc('hot')
          .update({ data: { balance: doc.balance + 1 } })
      }),
    ),
  )
  expect(results.filter((r) => r.status === 'rejected')).toEqual([])
  expect(await balance('hot')).toBe(100)
})

it('never loses a plain update that races transactions on the same document', async () => {
  await account('mixed', 0)
  const work: Array<Promise<unknown>> = []
  for (let i = 0; i < 40; i++) {
    work.push(
      sdk.db.runTransaction(async (tx: Sdk['db']) => {
        const doc = (await tx.collection('accounts').doc('mixed').get()).data
        await tx
          .collection('accounts')
          .doc('mixed')
          .update({ data: { balance: doc.balance + 1 } })
      }),
    )
    work.push(
      accounts()
        .doc('mixed')
        .update({ data: { balance: sdk._.inc(1) } }),
    )
  }
  await Promise.all(work)
  expect(await balance('mixed')).toBe(80)
})

it('retries a transaction that lost a deadlock, so both transfers happen', async () => {
  await account('d1', 100)
  await account('d2', 100)
  let attempts = 0
  const transfer = (from: string, to: string, pause: number) =>
    sdk.db.runTransaction(async (tx: Sdk['db']) => {
      attempts++
      const a = (await tx.collection('accounts').doc(from).get()).data
      await new Promise((r) => setTimeout(r, pause))
      const b = (await tx.collection('accounts').doc(to).get()).data
      await tx
        .collection('accounts')
        .doc(from)
        .update({ data: { balance: a.balance - 10 } })
      await tx
        .collection('accounts')
        .doc(to)
        .update({ data: { balance: b.balance + 10 } })
    })
  // Each locks its first account, then asks for the other's: a cycle that one of them must lose.
  await Promise.all([transfer('d1', 'd2', 50), transfer('d2', 'd1', 50)])
  expect(attempts).toBeGreaterThanOrEqual(3)
  expect([await balance('d1'), await balance('d2')]).toEqual([100, 100])
})

it('refuses a where() read inside a transaction, naming it: transactions work on doc(id)', async () => {
  await account('w1', 5)
  const read = await rejection(
    sdk.db.runTransaction(async (t: Sdk['db']) => {
      await t.collection('accounts').where({ balance: 5 }).get()
    }),
  )
  expect(String(read.errMsg ?? read.message)).toMatch(/database\.getDocument with a where\(\) query/)
  expect(await balance('w1')).toBe(5)
})
