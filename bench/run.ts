/**
 * `npm run bench`: prints figures, asserts nothing about time. Starts its own emulator (a child process on
 * a free port, fresh data) and measures through the same paths the app uses.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator } from '../test/helpers/emulator'
import { benchUserFunction } from './functions'
import { kib, row, section } from './lib'
import { benchPoints } from './points'
import { benchSdk } from './sdk'

async function packageSection(): Promise<void> {
  section('weapp package sizes (dist/, WeChat allows 2 MB per package)')
  const dist = path.resolve(__dirname, '..', 'dist')
  if (!fs.existsSync(path.join(dist, 'app.json'))) {
    row('dist/ not built', 'run `npm run build:weapp` first')
    return
  }
  const { packageSizes } = await import('../scripts/package-sizes')
  const sizes = packageSizes(dist)
  row('main package (budget 600 KiB)', kib(sizes.main))
  for (const [name, bytes] of Object.entries(sizes.subpackages))
    row(`subpackage ${name} (budget 500 KiB)`, kib(bytes))
}

async function main(): Promise<void> {
  console.log(`小社 bench — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`)
  const emu = await startEmulator({ seed: 'demo' })
  try {
    await benchSdk(emu)
    await benchUserFunction(emu)
    await benchPoints(emu)
  } finally {
    await emu.stop()
  }
  await packageSection()
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
