/**
 * `npm test`: the whole suite, in the order a failure is cheapest to find —
 * type check, lint, build the functions, the weapp and the H5 app, then every Jest project
 * (server, pages, weapp, browser). Ends with one line `N passed, N failed`.
 * Extra arguments go to Jest (e.g. `npm test -- --selectProjects server`); SKIP_BUILD=1 reuses the builds.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

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

const jestArgs = process.argv.slice(2)
step('type check', 'npm', ['run', '--silent', 'typecheck'])
step('lint', 'npm', ['run', '--silent', 'lint'])
if (!process.env.SKIP_BUILD) {
  step('build cloud functions', 'npm', ['run', '--silent', 'build:functions'])
  step('build weapp', bin('taro'), ['build', '--type', 'weapp'], { NODE_ENV: 'production' })
  step('build H5', bin('taro'), ['build', '--type', 'h5'], { NODE_ENV: 'production' })
}

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoshe-jest-')), 'results.json')
const started = Date.now()
console.log('\n▶ jest')
const jest = spawnSync(bin('jest'), ['--json', `--outputFile=${report}`, ...jestArgs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' },
})
let passed = 0
let failed = 0
if (fs.existsSync(report)) {
  const results = JSON.parse(fs.readFileSync(report, 'utf8')) as {
    numPassedTests: number
    numFailedTests: number
    numRuntimeErrorTestSuites: number
  }
  passed = results.numPassedTests
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites
}
if (jest.status !== 0 && failed === 0) {
  // Every test passed, yet Jest failed the run: e.g. a test file logged after it had ended (see above).
  console.error(`jest exited with status ${jest.status ?? jest.signal} although no test failed`)
  failed = 1
}
console.log(`\njest finished in ${((Date.now() - started) / 1000).toFixed(1)} s`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(jest.status ?? 1)
