/**
 * Runs every cell of the authorization matrix (matrix.ts) against the emulator: each action, called by
 * each kind of caller, is allowed or refused with exactly the declared code. Every answer is scanned:
 * nobody who may not see them gets an address or an unmasked phone number. Allowed actions stay within
 * the cost budget of 6 database operations (7 for the actions of COUNTED_ON_TOP).
 */
import { declaredActions } from '../helpers/actions'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { NEED_PLACE, makeFixtures, prepareRow } from './fixtures'
import { CALLERS, COUNTED_ON_TOP, OPENIDS, ROWS, type CallerKind, type Outcome } from './matrix'

const OPERATIONS_BUDGET = 6
const FIRST_CONTACT = 2
let matrixReward = ''
/** A mobile number on its own, not 11 digits inside a longer id or hex string ("b16348997188ce05…"). */
const PHONE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/
/**
 * Phone numbers travel in these fields, home addresses in `address` (with a building and unit), and a need's
 * place on the map in its `location` (the fixtures' NEED_PLACE); shops' addresses and corners' places are
 * public and carry neither.
 */
const CONTACT_FIELDS = new RegExp(
  `"(contactPhone|phone)":|"address":"[^"]*(栋|单元|号楼|室)|"lat":${NEED_PLACE.lat}[,}]`,
)

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ seed: 'none' })
})
afterAll(() => emu.stop())

const cells = ROWS.flatMap((row, i) =>
  CALLERS.map((caller) => ({
    name: `${row.fn}.${row.action} #${i} by ${caller}`,
    row,
    caller,
    outcome: (row.expect[caller] ?? row.otherwise) as Outcome,
  })),
)

describe.each(ROWS.map((row, i) => [`${row.fn}.${row.action} #${i}`, i] as const))('%s', (_label, index) => {
  beforeAll(async () => {
    matrixReward = await prepareRow(emu, index)
  })

  it.each(cells.filter((c) => c.row === ROWS[index]).map((c) => [c.caller, c.outcome, c] as const))(
    'answers %s with %s',
    async (caller: CallerKind, outcome: Outcome, cell) => {
      const f = makeFixtures(emu, () => matrixReward)
      const payload = await cell.row.payload(f)
      const scansBefore = await emu.fullScans()
      const res = await emu.callRaw(
        cell.row.fn,
        { action: cell.row.action, ...payload },
        caller === 'anonymous' ? undefined : OPENIDS[caller],
      )
      expect(res.status).toBeLessThan(500)
      expect(res.body.ok ? 'ok' : res.body.code).toBe(outcome)
      if (!res.body.ok) expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/)
      // A stranger's first call also creates their record (a read and a write, once in their life).
      const counted = COUNTED_ON_TOP.includes(`${cell.row.fn}.${cell.row.action}`) ? 1 : 0
      const budget = OPERATIONS_BUDGET + counted + (caller === 'stranger' ? FIRST_CONTACT : 0)
      if (outcome === 'ok') expect(res.reads + res.writes).toBeLessThanOrEqual(budget)
      // Every query an action makes is narrowed by an index (database/collections.json), never a whole table.
      expect(await emu.fullScans()).toEqual(scansBefore)
      if (!cell.row.seesContact?.includes(caller)) {
        const text = JSON.stringify(res.body)
        expect(text).not.toMatch(PHONE)
        expect(text).not.toMatch(CONTACT_FIELDS)
      }
    },
  )
})

it('covers every action of every function at least once', () => {
  const covered = new Set(ROWS.map((r) => `${r.fn}.${r.action}`))
  const declared = Object.entries(declaredActions()).flatMap(([fn, actions]) =>
    actions.map((a) => `${fn}.${a}`),
  )
  expect([...covered].sort()).toEqual([...declared].sort())
  expect(cells.length).toBe(ROWS.length * CALLERS.length)
})
