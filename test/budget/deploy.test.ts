/**
 * What deploys to WeChat CloudBase is consistent with what exists: every function has a deployable
 * folder and a valid configuration in both files the tools read, every collection the code uses is
 * declared with indexes and a deny-all security rule, and the DevTools project points at the right roots.
 */
import fs from 'node:fs'
import path from 'node:path'
import { cloudbasercText, functionDirs, readConfig } from '../../scripts/cloudbaserc'
import { parseCron } from '../../emulator/timers'

const root = path.resolve(__dirname, '..', '..')
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')
const collections = JSON.parse(read('database/collections.json')) as {
  collections: Record<string, { indexes: Array<{ fields: Array<{ field: string }> }>; rule: unknown }>
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(rel)
    return e.name.endsWith('.ts') ? [rel] : []
  })
}

it('has a cloudbaserc.json generated from the functions’ own config.json files', () => {
  expect(read('cloudbaserc.json')).toBe(cloudbasercText())
})

it.each(functionDirs())(
  'deploys %s as a folder with wx-server-sdk, index.main and a valid config',
  (name) => {
    const pkg = JSON.parse(read(`cloudfunctions/${name}/package.json`)) as {
      main: string
      dependencies: Record<string, string>
    }
    expect(pkg.main).toBe('index.js')
    expect(pkg.dependencies['wx-server-sdk']).toBe(
      JSON.parse(read('package.json')).dependencies['wx-server-sdk'],
    )
    const config = readConfig(name)
    expect(config.timeout).toBeGreaterThanOrEqual(1)
    expect(config.timeout).toBeLessThanOrEqual(60)
    expect([128, 256, 512, 1024, 2048]).toContain(config.memorySize)
    for (const key of Object.keys(config.envVariables ?? {})) expect(key).toMatch(/^[A-Z][A-Z0-9_]*$/)
    for (const trigger of config.triggers ?? []) {
      expect(trigger.type).toBe('timer')
      expect(() => parseCron(trigger.config)).not.toThrow()
    }
    expect(fs.existsSync(path.join(root, 'cloudfunctions', name, 'index.js'))).toBe(true)
  },
)

it('has the pages ask for exactly the subscription templates the functions send (.env against config.json)', () => {
  const env = new Map(
    [...read('.env').matchAll(/^TARO_APP_(TEMPLATE_[A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2].trim()]),
  )
  const sent = new Map<string, string>()
  for (const name of functionDirs()) {
    for (const [key, value] of Object.entries(readConfig(name).envVariables ?? {})) {
      if (key.startsWith('TEMPLATE_')) sent.set(key, String(value))
    }
  }
  expect(sent.size).toBeGreaterThan(0)
  expect(Object.fromEntries(env)).toEqual(Object.fromEntries(sent))
  // Every template the pages know of is asked for somewhere.
  const pages = sourceFiles('src').map(read).join('\n')
  for (const key of env.keys()) expect(pages).toContain(`process.env.TARO_APP_${key}`)
})

it('declares every collection the functions use, and uses every collection it declares', () => {
  const used = new Set<string>()
  for (const file of [...sourceFiles('cloudfunctions'), ...sourceFiles('server')]) {
    for (const m of read(file).matchAll(/collection(?:<[^>]+>)?\('([a-z_]+)'\)/g)) used.add(m[1])
  }
  expect([...used].sort()).toEqual(Object.keys(collections.collections).sort())
})

it('denies the mini-program direct access to every collection (everything goes through functions)', () => {
  for (const [name, spec] of Object.entries(collections.collections)) {
    expect({ name, rule: spec.rule }).toEqual({ name, rule: { read: false, write: false } })
  }
})

it('opens in WeChat DevTools from the repository root', () => {
  const project = JSON.parse(read('project.config.json')) as {
    miniprogramRoot: string
    cloudfunctionRoot: string
  }
  expect(project).toMatchObject({ miniprogramRoot: 'dist/', cloudfunctionRoot: 'cloudfunctions/' })
})
