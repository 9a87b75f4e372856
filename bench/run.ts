/**
 * `npm run bench`: prints figures, asserts nothing about time. Starts its own emulator (a child process on
 * a free port, fresh data) and measures through the same paths the app uses.
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

async function main(): Promise<void> {
  console.log(`小社 bench — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`)
  const emu = await startEmulator({ seed: 'demo' })
  try {
    await benchSdk(emu)
    await benchStorage(emu)
    await benchUserFunction(emu)
    await benchPoints(emu)
    await benchActivities(emu)
    await benchOperations(emu)
    await benchScale(emu)
  } finally {
    await emu.stop()
  }
  await benchReport()
  // The H5 first load (its own emulator serving dist-h5/) and the weapp package sizes.
  await benchFrontend()
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
