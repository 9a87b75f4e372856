/**
 * The emulator's clock starts where it is told: at a chosen instant on a new data directory, back at the
 * caller's instant after a reset, and where it was after a restart (never backwards). Tests rely on this to
 * own their time (helpers/clock.ts).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator } from '../helpers/emulator'

const ROOT = path.resolve(__dirname, '..', '..')
const FIXTURES = {
  functionsDir: path.join(__dirname, 'fixtures', 'functions'),
  collectionsFile: path.join(__dirname, 'fixtures', 'collections.json'),
}
/** A Friday afternoon in Asia/Shanghai, far from the test's own instant. */
const FRIDAY = Date.parse('2026-12-04T13:00:00+08:00')
const HOUR = 3600_000

async function functionsNow(emu: Awaited<ReturnType<typeof startEmulator>>): Promise<number> {
  return ((await emu.call('probe', { mode: 'now' }, 'u1')) as unknown as { now: number }).now
}

it('starts the clock functions see at the instant it is given, and runs on from there', async () => {
  const emu = await startEmulator({ ...FIXTURES, now: FRIDAY })
  try {
    const seen = await functionsNow(emu)
    expect(seen).toBeGreaterThanOrEqual(FRIDAY)
    expect(seen - FRIDAY).toBeLessThan(HOUR)
    expect(await emu.now()).toBeGreaterThanOrEqual(seen)
  } finally {
    await emu.stop()
  }
})

it('puts the clock back at the instant a reset names, whatever it was advanced to', async () => {
  const emu = await startEmulator({ ...FIXTURES, now: FRIDAY })
  try {
    await emu.advanceClock(30 * HOUR)
    expect(await functionsNow(emu)).toBeGreaterThanOrEqual(FRIDAY + 30 * HOUR)
    await emu.reset('none')
    const afterReset = await functionsNow(emu)
    // helpers/emulator.ts resets to the test's own clock (helpers/clock.ts), not to the machine's.
    expect(Math.abs(afterReset - Date.now())).toBeLessThan(HOUR)
  } finally {
    await emu.stop()
  }
})

it('keeps its clock across a restart instead of starting again at the instant', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoshe-clock-'))
  try {
    const first = await startEmulator({ ...FIXTURES, dataDir, now: FRIDAY })
    await first.advanceClock(5 * HOUR)
    await first.kill()
    const second = await startEmulator({ ...FIXTURES, dataDir, now: FRIDAY })
    expect(await functionsNow(second)).toBeGreaterThanOrEqual(FRIDAY + 5 * HOUR)
    await second.stop()
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})

it('refuses a start instant it cannot read, naming the forms it takes', () => {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'emulator', 'cli.ts'), '--port', '0', '--now', 'next Friday'],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  )
  expect(run.status).toBe(2)
  expect(run.stderr).toMatch(/epoch milliseconds or an ISO 8601/)
})
