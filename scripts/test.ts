/**
 * `npm test`: the whole suite, in the order a failure is cheapest to find —
 * type check, lint, build the functions, the weapp and the H5 app, then every Jest project
 * (server, pages, weapp, browser) at the tests' own instant, then the time check: the time-sensitive suites
 * again at each of scripts/time-check.ts's instants and zones. Ends with one line `N passed, N failed`.
 *
 *   npm test                      everything
 *   npm test -- <jest args>       the builds, then Jest with these arguments (no time check),
 *                                 e.g. `npm test -- --selectProjects server`
 *   npm run test:time             the builds, then only the time check
 *   SKIP_BUILD=1 npm test         reuse the builds
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { TIME_CASES, TIME_SENSITIVE } from './time-check'

const root = path.resolve(__dirname, '..')
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)

function step(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const started = Date.now()
  console.log(`\n▶ ${title}`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds} s`)
    console.log('0 passed, 1 failed')
    process.exit(result.status ?? 1)
  }
  console.log(`✔ ${title} (${seconds} s)`)
}

interface Tally {
  passed: number
  failed: number
}

/** One Jest run; its counts come from Jest's JSON report. */
function jest(title: string, args: string[], env: NodeJS.ProcessEnv = {}): Tally {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoshe-jest-')), 'results.json')
  const started = Date.now()
  console.log(`\n▶ ${title}`)
  const run = spawnSync(bin('jest'), ['--json', `--outputFile=${report}`, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test', ...env },
  })
  const tally: Tally = { passed: 0, failed: 0 }
  if (fs.existsSync(report)) {
    const results = JSON.parse(fs.readFileSync(report, 'utf8')) as {
      numPassedTests: number
      numFailedTests: number
      numRuntimeErrorTestSuites: number
    }
    tally.passed = results.numPassedTests
    tally.failed = results.numFailedTests + results.numRuntimeErrorTestSuites
  }
  if (run.status !== 0 && tally.failed === 0) {
    // Every test passed, yet Jest failed the run: e.g. a test file logged after it had ended.
    console.error(`jest exited with status ${run.status ?? run.signal} although no test failed`)
    tally.failed = 1
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(
    `${tally.failed ? '✖' : '✔'} ${title}: ${tally.passed} passed, ${tally.failed} failed (${seconds} s)`,
  )
  return tally
}

const timeOnly = process.argv[2] === '--time'
const jestArgs = timeOnly ? [] : process.argv.slice(2)
step('type check', 'npm', ['run', '--silent', 'typecheck'])
step('lint', 'npm', ['run', '--silent', 'lint'])
if (!process.env.SKIP_BUILD) {
  step('build cloud functions', 'npm', ['run', '--silent', 'build:functions'])
  step('build weapp', bin('taro'), ['build', '--type', 'weapp'], { NODE_ENV: 'production' })
  step('build H5', bin('taro'), ['build', '--type', 'h5'], { NODE_ENV: 'production' })
}

const tallies: Tally[] = []
if (!timeOnly) tallies.push(jest('jest', jestArgs))
if (timeOnly || jestArgs.length === 0) {
  for (const c of TIME_CASES) {
    tallies.push(
      jest(
        `time check: ${c.label} (${c.now}, TZ=${c.tz})`,
        // Two files at a time: a dozen files each case, most of their time spent waiting on an emulator.
        ['--maxWorkers=2', '--selectProjects', 'server', 'pages', 'browser', '--', ...TIME_SENSITIVE],
        {
          XIAOSHE_TEST_NOW: c.now,
          XIAOSHE_TEST_TZ: c.tz,
        },
      ),
    )
  }
}
const passed = tallies.reduce((n, t) => n + t.passed, 0)
const failed = tallies.reduce((n, t) => n + t.failed, 0)
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
