/**
 * `npm run front-door`: what a newcomer waits for, measured on this machine. Clones the committed repository into a
 * temporary folder, then times `npm install`, and `npm start` from its first line to `ready` (with the time each
 * step's output first appeared), and stops it. `-- --test` also times `npm test` there, cold, step by step.
 * Prints figures; asserts nothing. Needs the npm registry, like any install.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const withTest = process.argv.includes('--test')
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** Runs `npm <args>` in `cwd`, printing each line with the seconds since it started; resolves when `until` matches. */
function timed(
  cwd: string,
  args: string[],
  until?: RegExp,
): Promise<{ ms: number; marks: string[]; code?: number | null }> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const marks: string[] = []
    const child = spawn('npm', args, { cwd, env: { ...process.env, PORT: '0', CI: 'true' }, detached: true })
    let done = false
    const onLine = (line: string) => {
      const at = Date.now() - started
      if (
        /^(▶|✔|✖|built |小社 emulator ready|.*Compiled successfully|\d+ passed, \d+ failed)/.test(line.trim())
      ) {
        marks.push(`${seconds(at).padStart(8)}  ${line.trim().slice(0, 110)}`)
      }
      if (until && until.test(line) && !done) {
        done = true
        process.kill(-child.pid!, 'SIGTERM')
        resolve({ ms: at, marks })
      }
    }
    for (const stream of [child.stdout, child.stderr]) {
      let buffer = ''
      stream.on('data', (chunk: Buffer) => {
        buffer += chunk.toString()
        const lines = buffer.split(/\r?\n/)
        buffer = lines.pop() ?? ''
        lines.forEach(onLine)
      })
    }
    child.on('exit', (code) => {
      if (done) return
      if (until || code !== 0) console.error(`npm ${args.join(' ')} exited with ${code}`)
      if (until) reject(new Error(`npm ${args.join(' ')} ended before it printed ${until}`))
      else resolve({ ms: Date.now() - started, marks, code })
    })
  })
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoshe-front-door-'))
  const clone = path.join(dir, 'main')
  spawnSync('git', ['clone', '--quiet', root, clone], { stdio: 'inherit' })
  // The tests may read the outside contract beside the repository, as CI has it.
  const shared = path.resolve(root, '..', 'shared')
  if (fs.existsSync(shared)) fs.symlinkSync(shared, path.join(dir, 'shared'))
  console.log(`小社 front door — a fresh clone in ${clone}, ${os.cpus().length} cores`)
  try {
    const install = await timed(clone, ['install', '--no-audit', '--no-fund'])
    console.log(`npm install: ${seconds(install.ms)}`)
    const start = await timed(clone, ['start'], /小社 emulator ready at/)
    console.log(`npm start → ready: ${seconds(start.ms)} (goal: 60 s)`)
    for (const mark of start.marks) console.log(mark)
    if (withTest) {
      const test = await timed(clone, ['test'])
      console.log(`npm test, cold: ${seconds(test.ms)} (exit ${test.code})`)
      for (const mark of test.marks) console.log(mark)
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
