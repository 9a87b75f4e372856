/**
 * Nothing acknowledged is lost: the emulator is killed with SIGKILL in the middle of a burst of
 * adjustments; after a restart on the same data every acknowledged entry is there and the ledger sums.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { LedgerEntry } from '../../types/points'
import { startEmulator } from '../helpers/emulator'
import { ledgerViolations, readLedgerState } from '../helpers/invariants'
import { connectSdk } from '../helpers/sdk'

jest.spyOn(console, 'warn').mockImplementation(() => undefined)
jest.spyOn(console, 'error').mockImplementation(() => undefined)

it('keeps every acknowledged adjustment through kill -9, with the ledger still summing', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoshe-points-'))
  const first = await startEmulator({ dataDir, seed: 'demo' })
  const acknowledged: LedgerEntry[] = []
  let stop = false
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      try {
        const res = await first.call<LedgerEntry>(
          'points',
          {
            action: 'adjust',
            openid: ['demo-resident-li', 'demo-resident-wang'][i % 2],
            delta: 2,
            note: '义务清扫楼道',
            idempotencyKey: `burst-${w}-${i}`,
          },
          'demo-worker-liu',
        )
        if (res.ok) acknowledged.push(res.data!)
      } catch {
        return
      }
    }
  }
  const workers = Array.from({ length: 10 }, (_v, w) => worker(w))
  // Kill it mid-burst, once a good number of adjustments were acknowledged (however slow the machine).
  for (let waited = 0; acknowledged.length < 30 && waited < 20_000; waited += 50)
    await new Promise((r) => setTimeout(r, 50))
  await first.kill()
  stop = true
  await Promise.all(workers)
  expect(acknowledged.length).toBeGreaterThan(20)

  const second = await startEmulator({ dataDir })
  try {
    const sdk = connectSdk(second.url)
    const state = await readLedgerState(sdk)
    const ids = new Set(state.entries.map((e) => e._id))
    expect(acknowledged.filter((e) => !ids.has(e.id))).toEqual([])
    expect(ledgerViolations(state)).toEqual([])
  } finally {
    await second.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
