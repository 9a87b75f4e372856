/**
 * Property-based fuzzing of every function over /fn: thousands of generated malformed payloads (wrong
 * types, huge strings, operator objects, prototype keys, nested junk, non-JSON bodies) from every kind
 * of caller. Every answer is an envelope with a Chinese message, never an HTTP 5xx, never a write, and
 * the database is identical before and after.
 */
import crypto from 'node:crypto'
import fc from 'fast-check'
import { ERROR_CODES } from '../../types/envelope'
import { declaredActions } from '../helpers/actions'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk, type Sdk } from '../helpers/sdk'

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000)

/** Every action of every function, so that most payloads reach an action's own validation. */
const ACTIONS = declaredActions()
const CALLERS = [
  undefined,
  'demo-resident-li',
  'demo-volunteer-zhang',
  'demo-worker-liu',
  'demo-merchant-zhou',
]
/** Actions whose valid, argument-free call only reads (a fuzzer may find them; they must not write). */
const READ_ONLY_FALLBACK = new Set([
  'login',
  'summary',
  'rules',
  'board',
  'catalog',
  'list',
  'ledger',
  'orders',
  'listVolunteers',
  'findPeople',
  'listProjects',
  'mine',
])

let emu: Emulator
let sdk: Sdk

beforeAll(async () => {
  emu = await startEmulator({ seed: 'demo' })
  sdk = connectSdk(emu.url)
  // Every caller exists before fuzzing, so that no first call creates a record.
  for (const who of CALLERS) if (who) await emu.call('user', { action: 'login' }, who)
})
afterAll(() => emu.stop())

async function fingerprint(): Promise<string> {
  const hash = crypto.createHash('sha256')
  const health = (await (await fetch(`${emu.url}/healthz`)).json()) as { collections: string[] }
  for (const name of health.collections) {
    for (let skip = 0; ; skip += 1000) {
      const page = await sdk.db.collection(name).orderBy('_id', 'asc').skip(skip).limit(1000).get()
      hash.update(JSON.stringify(page.data))
      if (page.data.length < 1000) break
    }
  }
  return hash.digest('hex')
}

const nasty = fc.oneof(
  fc.string(),
  fc.string({ minLength: 3000, maxLength: 12000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ $gt: '' }),
  fc.constant({ $ne: null }),
  fc.constant({ $where: 'sleep(1000)' }),
  fc.constant({ $regex: '.*' }),
  fc.constant(JSON.parse('{"__proto__": {"roles": ["worker"]}}')),
  fc.constant({ constructor: { prototype: { isAdmin: true } } }),
  fc.constant(['demo-worker-liu']),
  fc.constant(''),
  fc.constant(-1),
  fc.constant(1e308),
  fc.constant('13800138000'),
  fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.string(),
      fc.integer(),
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(fc.string(), tie('node'), { maxKeys: 3 }),
    ),
  })).node,
)

const FIELDS = [
  'id',
  'openid',
  'rewardId',
  'orderId',
  'code',
  'title',
  'delta',
  'note',
  'scope',
  'cursor',
  'limit',
  'status',
  'approve',
  'reason',
  'rating',
  'minutes',
  'category',
  'userInfo',
  '_openid',
  'merchantId',
  'idempotencyKey',
  'near',
  'projectId',
  'capacity',
  'startAt',
]

function payloads(fn: string) {
  const object = fc
    .record({
      action: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...ACTIONS[fn]) },
        { weight: 1, arbitrary: nasty },
      ),
      extra: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 8 })), nasty, {
        minKeys: 1,
        maxKeys: 5,
      }),
    })
    .map(({ action, extra }) => JSON.stringify({ ...extra, action }))
  const raw = fc.oneof(
    fc.string(),
    fc.constant('[]'),
    fc.constant('null'),
    fc.constant('{"action":'),
    fc.constant('"login"'),
    fc.json(),
  )
  return fc.oneof({ weight: 5, arbitrary: object }, { weight: 1, arbitrary: raw })
}

describe.each(Object.keys(ACTIONS))('%s', (fn) => {
  it(`answers ${RUNS} malformed payloads with envelopes, never a 5xx, never a write`, async () => {
    const before = await fingerprint()
    let caller = 0
    await fc.assert(
      fc.asyncProperty(payloads(fn), async (body) => {
        const who = CALLERS[caller++ % CALLERS.length]
        const res = await emu.callRaw(fn, body, who)
        expect(res.status).toBeLessThan(500)
        const env = res.body as { ok?: unknown; code?: unknown; message?: unknown }
        expect(typeof env.ok).toBe('boolean')
        if (env.ok === false) {
          expect(ERROR_CODES).toContain(env.code)
          expect(String(env.message)).toMatch(/[\u4e00-\u9fa5]/)
        } else {
          const parsed = JSON.parse(body) as { action: string }
          expect(READ_ONLY_FALLBACK).toContain(parsed.action)
        }
        expect(res.writes).toBe(0)
      }),
      { numRuns: RUNS, seed: 20261123 },
    )
    expect(await fingerprint()).toBe(before)
  })
})
