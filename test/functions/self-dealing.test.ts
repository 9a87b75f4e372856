/**
 * Nobody deals with themselves: a worker cannot adjust their own points, confirm their own attendance,
 * dispatch a need to themselves, confirm a need they served, approve their own volunteer application or
 * grant themselves a role. Each is refused with permission-denied and changes nothing; another worker may
 * do the same thing for them.
 */
import type { CheckinCode } from '../../types/activities'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import { needViolations, readNeedState } from '../helpers/invariants'
import type { Sdk } from '../helpers/sdk'
import { postErrand, snapshotCollections } from '../helpers/snapshots'

const WORKER = 'demo-worker-liu'
const OTHER_WORKER = 'demo-worker-sun'
const RESIDENT = 'demo-resident-li'
const MINUTE = 60_000

let emu: Emulator
let sdk: Sdk

startEmulatorForFile({ seed: 'none', reset: 'demo', ledger: true }, (started, connected) => {
  emu = started
  sdk = connected
})
afterEach(async () => {
  expect(needViolations(await readNeedState(sdk))).toEqual([])
})

let n = 0
const key = () => `self-dealing-key-${n++}`

const everything = () => snapshotCollections(sdk, ['users', 'ledger', 'needs', 'signups', 'activities'])

/** Asserts the call is refused with permission-denied, a sentence in Chinese, and nothing changed. */
async function refusedAsSelfDealing(fn: string, data: object, openid: string): Promise<void> {
  const before = await everything()
  const res = await emu.call(fn, data, openid)
  expect(res).toMatchObject({ ok: false, code: 'permission-denied' })
  expect(res.message).toMatch(/自己/)
  expect(await everything()).toEqual(before)
}

/** Makes the worker an approved volunteer too (approved by the other worker). */
async function alsoVolunteer(openid: string): Promise<void> {
  const applied = await emu.call(
    'user',
    { action: 'applyVolunteer', realName: '刘敏', phone: '13831100001', skills: ['陪伴聊天'] },
    openid,
  )
  expect(applied.ok).toBe(true)
  const approved = await emu.call('user', { action: 'reviewVolunteer', openid, approve: true }, OTHER_WORKER)
  expect(approved.ok).toBe(true)
}

async function openNeed(): Promise<string> {
  const id = await postErrand(emu, RESIDENT)
  expect((await emu.call('needs', { action: 'review', id, approve: true }, OTHER_WORKER)).ok).toBe(true)
  return id
}

it('refuses a worker adjusting their own points, by a rule or by a number; another worker may', async () => {
  for (const change of [{ delta: 50 }, { ruleId: 'garbage-sorting' }, { delta: -5 }]) {
    await refusedAsSelfDealing(
      'points',
      { action: 'adjust', openid: WORKER, note: '自己加分', idempotencyKey: key(), ...change },
      WORKER,
    )
  }
  const byOther = await emu.call(
    'points',
    { action: 'adjust', openid: WORKER, delta: 5, note: '协助整理图书角', idempotencyKey: key() },
    OTHER_WORKER,
  )
  expect(byOther).toMatchObject({ ok: true, data: { openid: WORKER, delta: 5, operator: OTHER_WORKER } })
})

it('refuses a worker confirming their own attendance; another worker may', async () => {
  const start = (await emu.advanceClock(0)) + 20 * MINUTE
  const made = await emu.call<{ id: string }>(
    'activities',
    {
      action: 'upsert',
      title: '环境整治',
      location: '世纪公园东门',
      startAt: start,
      endAt: start + 60 * MINUTE,
      capacity: 5,
    },
    WORKER,
  )
  const id = made.data!.id
  expect((await emu.call('activities', { action: 'signup', id }, WORKER)).ok).toBe(true)
  const code = async () =>
    (await emu.call<CheckinCode>('activities', { action: 'checkinCode', id }, OTHER_WORKER)).data!.code
  expect((await emu.call('activities', { action: 'checkin', id, code: await code() }, WORKER)).ok).toBe(true)
  await emu.advanceClock(70 * MINUTE)
  await refusedAsSelfDealing('activities', { action: 'confirm', id, openid: WORKER }, WORKER)
  await refusedAsSelfDealing('activities', { action: 'confirm', id, openid: WORKER, minutes: 60 }, WORKER)
  const byOther = await emu.call(
    'activities',
    { action: 'confirm', id, openid: WORKER, minutes: 60 },
    OTHER_WORKER,
  )
  expect(byOther).toMatchObject({ ok: true, data: { state: 'confirmed', minutes: 60 } })
})

it('refuses a worker dispatching a need to themselves; another worker may', async () => {
  await alsoVolunteer(WORKER)
  const id = await openNeed()
  await refusedAsSelfDealing('needs', { action: 'dispatch', id, volunteerOpenid: WORKER }, WORKER)
  const byOther = await emu.call('needs', { action: 'dispatch', id, volunteerOpenid: WORKER }, OTHER_WORKER)
  expect(byOther).toMatchObject({ ok: true, data: { status: 'assigned', assignee: { openid: WORKER } } })
})

it('refuses a worker confirming, for the requester, a need they served themselves', async () => {
  await alsoVolunteer(WORKER)
  const id = await openNeed()
  expect((await emu.call('needs', { action: 'claim', id }, WORKER)).ok).toBe(true)
  expect((await emu.call('needs', { action: 'complete', id, minutes: 40 }, WORKER)).ok).toBe(true)
  await refusedAsSelfDealing('needs', { action: 'confirm', id, rating: 5 }, WORKER)
  expect(await emu.call('needs', { action: 'confirm', id, rating: 5 }, RESIDENT)).toMatchObject({
    ok: true,
    data: { status: 'confirmed' },
  })
})

it('refuses a worker approving their own volunteer application or granting themselves a role', async () => {
  const applied = await emu.call(
    'user',
    { action: 'applyVolunteer', realName: '刘敏', phone: '13831100001', skills: ['陪伴聊天'] },
    WORKER,
  )
  expect(applied.ok).toBe(true)
  await refusedAsSelfDealing('user', { action: 'reviewVolunteer', openid: WORKER, approve: true }, WORKER)
  await refusedAsSelfDealing(
    'user',
    { action: 'grantRole', openid: WORKER, role: 'merchant', merchantId: 'shop-huaizhong-clinic' },
    WORKER,
  )
  expect(
    await emu.call('user', { action: 'reviewVolunteer', openid: WORKER, approve: true }, OTHER_WORKER),
  ).toMatchObject({ ok: true, data: { volunteer: { status: 'approved' } } })
})
