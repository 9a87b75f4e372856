/**
 * `npm run bench`: prints figures, asserts nothing about time. Starts its own emulator (a child process on
 * a free port, fresh data) and measures through the same paths the app uses. `npm run bench -- scale report`
 * runs only the sections named (sdk, storage, functions, points, activities, operations, scale, report, frontend).
 */
import os from 'node:os'
import { startEmulator } from '../test/helpers/emulator'
import { benchActivities } from './activities'
import { benchFrontend } from './frontend'
import { benchOperations } from './operations'
import { benchUserFunction } from './functions'
import { benchPoints } from './points'
import { benchReport } from './report'
import { benchScale } from './scale'
import { benchSdk } from './sdk'
import { benchStorage } from './storage'

type Emu = Parameters<typeof benchSdk>[0]

/** The sections in the order they run; those on the shared emulator take it as their argument. */
const ON_EMULATOR: Array<[string, (emu: Emu) => Promise<void>]> = [
  ['sdk', benchSdk],
  ['storage', benchStorage],
  ['functions', benchUserFunction],
  ['points', benchPoints],
  ['activities', benchActivities],
  ['operations', benchOperations],
  ['scale', benchScale],
]
/** Each starts what it needs: the report its own emulators, the frontend the H5 build served and the weapp sizes. */
const ON_THEIR_OWN: Array<[string, () => Promise<void>]> = [
  ['report', benchReport],
  ['frontend', benchFrontend],
]

async function main(): Promise<void> {
  const known = [...ON_EMULATOR, ...ON_THEIR_OWN].map(([name]) => name)
  const asked = process.argv.slice(2)
  const unknown = asked.filter((name) => !known.includes(name))
  if (unknown.length) {
    console.error(`unknown bench section ${unknown.join(', ')}; the sections are ${known.join(', ')}`)
    process.exit(2)
  }
  const wanted = (name: string) => asked.length === 0 || asked.includes(name)
  console.log(`小社 bench — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`)
  const shared = ON_EMULATOR.filter(([name]) => wanted(name))
  if (shared.length) {
    const emu = await startEmulator({ seed: 'demo' })
    try {
      for (const [, run] of shared) await run(emu)
    } finally {
      await emu.stop()
    }
  }
  for (const [name, run] of ON_THEIR_OWN) if (wanted(name)) await run()
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
