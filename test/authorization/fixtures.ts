/**
 * The fixtures the authorization matrix's rows make their targets with (a need in a given status, an order,
 * a code, an activity at a given stage), and the state every row starts from. Shared by the matrix test and
 * the bench's operations-per-action table, so both run exactly the same calls.
 */
import type { Participation } from '../../types/activities'
import type { Emulator } from '../helpers/emulator'
import { OPENIDS, type Fixtures } from './matrix'

/** The place on the map of the fixtures' need: shown only with its address (matrix.test.ts scans for it). */
export const NEED_PLACE = { lat: 38.012345, lng: 114.512345 }

const MINUTE = 60_000
let counter = 0

/**
 * Resets the emulator to the demo seed, gives the owner points to order with, and makes the matrix's own
 * reward (1 point, plenty of stock, no practical limit). Answers the reward's id.
 */
export async function prepareRow(emu: Emulator, index: number): Promise<string> {
  await emu.reset('demo')
  await releaseOwnersPlaces(emu)
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
  const made = await emu.call<{ id: string }>('mall', reward, OPENIDS.worker)
  if (!made.ok) throw new Error(`matrix reward: ${JSON.stringify(made)}`)
  return made.data!.id
}

/**
 * The demo gives the owner places in coming sessions; whichever day a run starts on, the fixtures' activities
 * (a row's cells move the clock up to 15 hours) could overlap one. The owner gives them back as a person
 * would, so every row starts with an empty agenda.
 */
async function releaseOwnersPlaces(emu: Emulator): Promise<void> {
  const mine = await emu.call<{ items: Participation[] }>(
    'activities',
    { action: 'mine', when: 'upcoming', limit: 20 },
    OPENIDS.owner,
  )
  if (!mine.ok) throw new Error(`matrix owner's places: ${JSON.stringify(mine)}`)
  for (const place of mine.data!.items.filter((p) => p.state === 'signed')) {
    const res = await emu.call('activities', { action: 'cancel', id: place.activity.id }, OPENIDS.owner)
    if (!res.ok) throw new Error(`matrix owner's place ${place.activity.id}: ${JSON.stringify(res)}`)
  }
}

export function makeFixtures(emu: Emulator, reward: () => string): Fixtures {
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
    reward,
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
            location: NEED_PLACE,
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
        call('mall', { action: 'order', rewardId: reward(), idempotencyKey: key() }, OPENIDS.owner),
      )
      return o.id
    },
    async code(orderId) {
      return (await must<{ code: string }>(call('mall', { action: 'code', orderId }, OPENIDS.owner))).code
    },
    async shortCode(orderId) {
      const fresh = await must<{ shortCode: string }>(
        call('mall', { action: 'code', orderId }, OPENIDS.owner),
      )
      return fresh.shortCode
    },
    async activity(stage) {
      // Past the end of the one made before, so the owner's places never overlap.
      const now = await emu.advanceClock(90 * MINUTE)
      const made = await must<{ id: string }>(
        call(
          'activities',
          {
            action: 'upsert',
            title: '矩阵测试活动',
            location: '世纪公园东门',
            startAt: now + 20 * MINUTE,
            endAt: now + 80 * MINUTE,
            capacity: 20,
          },
          OPENIDS.worker,
        ),
      )
      const id = made.id
      const code = async () =>
        (await must<{ code: string }>(call('activities', { action: 'checkinCode', id }, OPENIDS.worker))).code
      if (stage === 'open') return { id, code: await code() }
      await must(call('activities', { action: 'signup', id }, OPENIDS.owner))
      if (stage === 'signed') return { id, code: await code() }
      await must(call('activities', { action: 'checkin', id, code: await code() }, OPENIDS.owner))
      if (stage === 'checked-in') return { id, code: await code() }
      await emu.advanceClock(50 * MINUTE)
      await must(call('activities', { action: 'checkout', id, code: await code() }, OPENIDS.owner))
      return { id, code: await code() }
    },
  }
}
