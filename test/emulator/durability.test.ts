/**
 * Nothing acknowledged is lost: the emulator is killed with SIGKILL in the middle of a burst of writes
 * and restarted on the same data; every write it acknowledged is there.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator } from '../helpers/emulator'
import { connectSdk } from '../helpers/sdk'

const collectionsFile = path.join(__dirname, 'fixtures', 'collections.json')

// The SDK warns about the requests the kill cut off, seconds later; those warnings are expected here.
jest.spyOn(console, 'warn').mockImplementation(() => undefined)
jest.spyOn(console, 'error').mockImplementation(() => undefined)
jest.spyOn(console, 'log').mockImplementation(() => undefined)

it('keeps every acknowledged insert, update and transaction through kill -9', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoshe-durable-'))
  const first = await startEmulator({ dataDir, collectionsFile })
  const sdk = connectSdk(first.url)
  await sdk.db
    .collection('accounts')
    .doc('counter')
    .set({ data: { balance: 0 } })

  const acknowledgedInserts: string[] = []
  let acknowledgedIncrements = 0
  let acknowledgedTransfers = 0
  let stop = false
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      try {
        const id = `w${w}-${i}`
        await sdk.db.collection('events').add({ data: { _id: id, w, i } })
        acknowledgedInserts.push(id)
        await sdk.db
          .collection('accounts')
          .doc('counter')
          .update({ data: { balance: sdk._.inc(1) } })
        acknowledgedIncrements++
        await sdk.db.runTransaction(async (tx: typeof sdk.db) => {
          await tx.collection('events').add({ data: { _id: `t${w}-${i}`, tx: true } })
        })
        acknowledgedTransfers++
      } catch {
        return // the emulator is gone
      }
    }
  }
  const writers = Array.from({ length: 8 }, (_v, w) => writer(w))
  // Kill it mid-burst, once a good number of writes were acknowledged (however slow the machine).
  for (let waited = 0; acknowledgedInserts.length < 60 && waited < 20_000; waited += 50)
    await new Promise((r) => setTimeout(r, 50))
  await first.kill()
  stop = true
  await Promise.all(writers)
  expect(acknowledgedInserts.length).toBeGreaterThan(50)

  const second = await startEmulator({ dataDir, collectionsFile })
  try {
    const again = connectSdk(second.url)
    const found = new Set<string>()
    for (let skip = 0; ; skip += 1000) {
      const page = await again.db
        .collection('events')
        .where({ w: again._.exists(true) })
        .skip(skip)
        .limit(1000)
        .get()
      for (const d of page.data) found.add(d._id)
      if (page.data.length < 1000) break
    }
    expect(acknowledgedInserts.filter((id) => !found.has(id))).toEqual([])
    const counter = (await again.db.collection('accounts').doc('counter').get()).data.balance
    expect(counter).toBeGreaterThanOrEqual(acknowledgedIncrements)
    const txCount = (await again.db.collection('events').where({ tx: true }).count()).total
    expect(txCount).toBeGreaterThanOrEqual(acknowledgedTransfers)
  } finally {
    await second.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
