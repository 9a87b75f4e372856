/**
 * The compatibility table in emulator/README.md is true: the database commands and aggregation stages it lists
 * as supported are exactly those the emulator handles, and everything it lists as missing is answered with an
 * error that names it and says the emulator does not support it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { AGGREGATION_STAGES, DATABASE_ACTIONS } from '../../emulator/db-api'
import { STORAGE_ACTIONS } from '../../emulator/storage'
import { adminSecret, rawRequest, startEmulator, type Emulator } from '../helpers/emulator'

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'emulator', 'README.md'), 'utf8')

/** The rows of the table under `### <title>` in the compatibility section, as cells by column heading. */
function table(title: string): Array<Record<string, string>> {
  const section = README.split('\n### ').find((part) => part.startsWith(`${title}\n`))
  if (!section) throw new Error(`no table "${title}" in emulator/README.md`)
  const cellsOf = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim())
  const lines = section.split('\n').filter((line) => line.startsWith('|'))
  const header = cellsOf(lines[0])
  return lines.slice(2).map((line) => {
    const cells = cellsOf(line)
    return Object.fromEntries(header.map((heading, i) => [heading, cells[i]]))
  })
}

/** The code-quoted names in a cell: "`$facet`, `$out`" → ['$facet', '$out']. */
const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1])

const lacks = /is not supported by the local emulator/

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ collectionsFile: path.join(__dirname, 'fixtures', 'collections.json') })
})
afterAll(() => emu.stop())

/** A request to the database endpoint as the SDK sends it: JSON, with the process's key the functions carry. */
async function admin(body: Record<string, unknown>): Promise<{ code?: string; message?: string }> {
  const res = await rawRequest(
    emu.port,
    'POST',
    `/admin?key=${adminSecret()}&env=local`,
    JSON.stringify(body),
    {
      'content-type': 'application/json',
    },
  )
  return JSON.parse(res.text) as { code?: string; message?: string }
}

describe('database commands', () => {
  const rows = table('Database commands').map((row) => ({ command: names(row.command), status: row.status }))

  it('lists as supported exactly the commands db-api.ts handles', () => {
    const supported = rows.filter((r) => r.status !== 'missing').flatMap((r) => r.command)
    expect(supported.sort()).toEqual([...DATABASE_ACTIONS].sort())
  })

  it('answers every command it lists as missing with an error that names it', async () => {
    const missing = rows.filter((r) => r.status === 'missing').flatMap((r) => r.command)
    expect(missing.length).toBeGreaterThan(0)
    for (const action of missing) {
      const reply = await admin({ action, collectionName: 'things', query: '{}' })
      expect(reply.code).toBe('EMULATOR_UNSUPPORTED')
      expect(reply.message).toMatch(lacks)
      expect(reply.message).toContain(action)
    }
  })

  it('answers every supported command without calling it unsupported', async () => {
    for (const action of DATABASE_ACTIONS) {
      const reply = await admin({ action, collectionName: 'things', query: '{}', data: '{}', stages: [] })
      expect(reply.code).not.toBe('EMULATOR_UNSUPPORTED')
    }
  })
})

describe('aggregation stages', () => {
  const rows = table('Aggregation stages').map((row) => ({ stages: names(row.stage), status: row.status }))

  it('lists as supported exactly the stages the emulator accepts', () => {
    const supported = rows.filter((r) => r.status !== 'missing').flatMap((r) => r.stages)
    expect(supported.sort()).toEqual([...AGGREGATION_STAGES].sort())
  })

  it('answers every stage it lists as missing with an error that names it', async () => {
    for (const stage of rows.filter((r) => r.status === 'missing').flatMap((r) => r.stages)) {
      const reply = await admin({
        action: 'database.aggregateDocuments',
        collectionName: 'things',
        stages: [{ stageKey: stage, stageValue: '{}' }],
      })
      expect(reply.message).toMatch(lacks)
      expect(reply.message).toContain(stage)
    }
  })
})

describe('query operators', () => {
  it('answers every operator it lists as missing with an error that names it', async () => {
    const missing = table('Query operators')
      .filter((row) => row.status === 'missing')
      .flatMap((row) => names(row['sent as']))
    expect(missing).toEqual(['$nearSphere', '$geoWithin', '$geoIntersects', '$search', '$jsonSchema'])
    for (const op of missing) {
      const query = op === '$search' || op === '$jsonSchema' ? { [op]: {} } : { loc: { [op]: {} } }
      const reply = await admin({
        action: 'database.getDocument',
        collectionName: 'things',
        query: JSON.stringify(query),
      })
      expect(reply.code).toBe('EMULATOR_UNSUPPORTED')
      expect(reply.message).toMatch(lacks)
      expect(reply.message).toContain(op)
    }
  })
})

describe('storage', () => {
  const rows = table('Storage')

  it('lists as supported exactly the storage actions the emulator answers', () => {
    const supported = rows.filter((row) => row.status !== 'missing').flatMap((row) => names(row['sent as']))
    expect(supported.sort()).toEqual([...STORAGE_ACTIONS].sort())
  })

  it('answers every storage call it lists as missing with an error that names it', async () => {
    const actions = rows.filter((row) => row.status === 'missing').flatMap((row) => names(row['sent as']))
    expect(actions).toHaveLength(2)
    for (const action of actions) {
      const reply = await admin({ action })
      expect(reply.message).toMatch(lacks)
      expect(reply.message).toContain(action)
    }
  })
})
