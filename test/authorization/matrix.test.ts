/**
 * Runs every cell of the authorization matrix (matrix.ts) against the emulator: each action, called by
 * each kind of caller, is allowed or refused with exactly the declared code. Every answer is scanned:
 * nobody who may not see them gets an address or an unmasked phone number. Allowed actions stay within
 * the cost budget of 6 database operations.
 */
import { startEmulator, type Emulator } from '../helpers/emulator'
import { CALLERS, OPENIDS, ROWS, type CallerKind, type Fixtures, type Outcome } from './matrix'

const OPERATIONS_BUDGET = 6
let matrixReward = ''
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/
/**
 * Phone numbers travel in these fields, home addresses in `address` (with a building and unit); shops'
 * addresses are public and carry neither.
 */
const CONTACT_FIELDS = /"(contactPhone|phone)":|"address":"[^"]*(栋|单元|号楼|室)/

let emu: Emulator
let counter = 0

beforeAll(async () => {
  emu = await startEmulator({ seed: 'none' })
})
afterAll(() => emu.stop())

function fixtures(): Fixtures {
  const call: Fixtures['call'] = async (fn, data, openid) => emu.call(fn, data, openid) as never
  const key = () => `matrix-${Date.now()}-${counter++}`
  const must = async <T>(p: Promise<{ ok: boolean; data?: T; code?: string }>): Promise<T> => {
    const res = await p
    if (!res.ok) throw new Error(`fixture call failed: ${JSON.stringify(res)}`)
    return res.data as T
  }
  return {
    call,
    key,
    async need(status) {
      const { id } = await must<{ id: string }>(
        call(
          'needs',
          {
            action: 'create',
            category: 'errand',
            title: '帮忙取快递',
            description: '请帮忙送到家。',
            address: '测试社区1栋2单元101',
            contactPhone: '13900001111',
          },
          OPENIDS.owner,
        ),
      )
      if (status === 'pending') return id
      await must(call('needs', { action: 'review', id, approve: true }, OPENIDS.worker))
      if (status === 'open') return id
      await must(call('needs', { action: 'claim', id }, OPENIDS.volunteer))
      if (status === 'assigned') return id
      await must(call('needs', { action: 'complete', id, minutes: 30 }, OPENIDS.volunteer))
      return id
    },
    async order() {
      const o = await must<{ id: string }>(
        call('mall', { action: 'order', rewardId: matrixReward, idempotencyKey: key() }, OPENIDS.owner),
      )
      return o.id
    },
    async code(orderId) {
      return (await must<{ code: string }>(call('mall', { action: 'code', orderId }, OPENIDS.owner))).code
    },
  }
}

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
    await emu.reset('demo')
    // The owner can afford what the rows order; the matrix's own reward has stock and no practical limit.
    const topUp = {
      action: 'adjust',
      openid: OPENIDS.owner,
      delta: 500,
      note: '测试发放',
      idempotencyKey: `matrix-topup-${index}`,
    }
    await emu.call('points', topUp, OPENIDS.worker)
    const reward = {
      action: 'upsertReward',
      merchantId: 'shop-huaizhong-clinic',
      title: '测试服务',
      cost: 1,
      stock: 1000,
      perUserLimit: 100,
    }
    matrixReward = (await emu.call<{ id: string }>('mall', reward, OPENIDS.worker)).data!.id
  })

  it.each(cells.filter((c) => c.row === ROWS[index]).map((c) => [c.caller, c.outcome, c] as const))(
    'answers %s with %s',
    async (caller: CallerKind, outcome: Outcome, cell) => {
      const f = fixtures()
      const payload = await cell.row.payload(f)
      const res = await emu.callRaw(
        cell.row.fn,
        { action: cell.row.action, ...payload },
        caller === 'anonymous' ? undefined : OPENIDS[caller],
      )
      expect(res.status).toBeLessThan(500)
      expect(res.body.ok ? 'ok' : res.body.code).toBe(outcome)
      if (!res.body.ok) expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/)
      if (outcome === 'ok') expect(res.reads + res.writes).toBeLessThanOrEqual(OPERATIONS_BUDGET)
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
  expect(covered.size).toBeGreaterThanOrEqual(30)
  expect(cells.length).toBe(ROWS.length * CALLERS.length)
})
