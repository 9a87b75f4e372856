/**
 * Starts the local CloudBase emulator.
 *
 *   node --import tsx emulator/cli.ts [--seed demo|none] [--h5 <dir>] [--port <n>] [--data <dir>]
 *                                     [--functions <dir>] [--collections <file>] [--auto-collections]
 *                                     [--now <instant>] [--clock-offset <ms>] [--lock-wait <ms>]
 *
 * --functions runs any folder of CloudBase functions (<dir>/<name>/index.js); this project's cloudfunctions/
 * by default. --collections declares collections and indexes (this project's database/collections.json by
 * default, none when --functions names another folder); --auto-collections creates a collection on its
 * first use, as createCollection would, for projects whose collections were made in the console.
 *
 * Environment (flags win): PORT (default 8080; 0 picks a free port), DATA_DIR (default .data),
 * ADMIN_OPENIDS (comma-separated openids that always hold the worker role), SEED (demo or none,
 * default none), H5_DIR (the H5 build to serve at /), EMULATOR_NOW (the instant a new data directory's
 * clock starts at: epoch ms or ISO 8601 with its offset, e.g. 2026-03-04T10:00:00+08:00; default the
 * machine's time). --clock-offset sets the clock that many ms from the machine's instead (a test passes its own
 * clock's, so that the two read the same time). --lock-wait is how long a transaction waits for a document another one
 * holds before it gives way with a conflict (default 2000). Prints a line with `ready` and the URL.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { parseInstant } from './clock'
import { isSeedName } from './seeds'
import { Emulator } from './server'

const root = path.resolve(__dirname, '..')

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    h5: { type: 'string' },
    port: { type: 'string' },
    data: { type: 'string' },
    host: { type: 'string' },
    functions: { type: 'string' },
    collections: { type: 'string' },
    'auto-collections': { type: 'boolean' },
    now: { type: 'string' },
    'clock-offset': { type: 'string' },
    'lock-wait': { type: 'string' },
  },
})

const seed = values.seed ?? process.env.SEED ?? 'none'
if (!isSeedName(seed)) {
  console.error(`SEED must be demo or none, not "${seed}"`)
  process.exit(2)
}
const port = Number(values.port ?? process.env.PORT ?? 8080)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${values.port ?? process.env.PORT}"`)
  process.exit(2)
}
const nowText = values.now ?? process.env.EMULATOR_NOW ?? null
const startAt = nowText === null ? null : parseInstant(nowText)
if (nowText !== null && startAt === null) {
  console.error(`--now must be epoch milliseconds or an ISO 8601 date-time with its offset, not "${nowText}"`)
  process.exit(2)
}
const offsetText = values['clock-offset'] ?? null
const clockOffsetMs = offsetText !== null ? Number(offsetText) : startAt !== null ? startAt - Date.now() : 0
if (!Number.isSafeInteger(clockOffsetMs)) {
  console.error(`--clock-offset must be whole milliseconds, not "${offsetText}"`)
  process.exit(2)
}
const lockWaitMs = Number(values['lock-wait'] ?? 2000)
if (!Number.isSafeInteger(lockWaitMs) || lockWaitMs <= 0) {
  console.error(`--lock-wait must be whole milliseconds above 0, not "${values['lock-wait']}"`)
  process.exit(2)
}
const h5 = values.h5 ?? process.env.H5_DIR ?? null

const emulator = new Emulator({
  port,
  host: values.host ?? process.env.HOST ?? '127.0.0.1',
  dataDir: path.resolve(values.data ?? process.env.DATA_DIR ?? '.data'),
  adminOpenids: (process.env.ADMIN_OPENIDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  seed,
  h5Dir: h5 ? path.resolve(h5) : null,
  functionsDir: path.resolve(values.functions ?? path.join(root, 'cloudfunctions')),
  collectionsFile: values.collections
    ? path.resolve(values.collections)
    : values.functions
      ? null
      : path.join(root, 'database', 'collections.json'),
  autoCollections: values['auto-collections'] ?? false,
  clockOffsetMs,
  lockWaitMs,
})

emulator
  .start()
  .then((url) => {
    const fns = emulator.functions.list()
    console.log(`小社 emulator ready at ${url} (seed: ${seed}, functions: ${fns.join(', ') || 'none built'})`)
    if (h5) console.log(`打开 ${url}/ 即可体验小社 · 邻里公益`)
  })
  .catch((err: unknown) => {
    console.error('emulator failed to start:', err)
    process.exit(1)
  })

const shutdown = () => {
  emulator.stop().finally(() => process.exit(0))
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
// Started by a test or the bench with an IPC channel: stop when the parent goes away.
if (process.send) process.on('disconnect', shutdown)
