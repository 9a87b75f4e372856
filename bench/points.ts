/**
 * The points ledger under load: adjustments per second for one hot person and spread over 100 people,
 * and the latency of summary and ledger as the ledger collection grows to 100,000 entries.
 */
import { type Emulator } from '../test/helpers/emulator'
import { connectSdk } from '../test/helpers/sdk'
import { emptyPoints } from '../types/records'
import { idFor } from '../server/points-math'
import { percentile, row, section, timeSerial, timingRow } from './lib'

async function burst(emu: Emulator, n: number, target: (i: number) => string, tag: string): Promise<void> {
  const latencies: number[] = []
  let failed = 0
  let why = ''
  const started = performance.now()
  await Promise.all(
    Array.from({ length: n }, async (_v, i) => {
      const t = performance.now()
      const res = await emu.call(
        'points',
        {
          action: 'adjust',
          openid: target(i),
          delta: 1,
          note: '压力测试',
          idempotencyKey: `${tag.replace(/\W+/g, '-')}-${i}-${Date.now()}`,
        },
        'demo-worker-liu',
      )
      latencies.push(performance.now() - t)
      if (!res.ok) {
        failed++
        why = `${res.code}: ${res.message}`
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  row(
    `${n} racing adjustments (${tag})`,
    `${(n / seconds).toFixed(0)}/s   p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   failed ${failed}${why ? ` (${why})` : ''}`,
  )
}

export async function benchPoints(emu: Emulator): Promise<void> {
  await emu.reset('none')
  const { db } = connectSdk(emu.url)
  const now = Date.now()
  const people = Array.from({ length: 1000 }, (_v, i) => `bench-person-${i}`)
  const users = people.map((openid) => ({
    _id: openid,
    openid,
    roles: ['resident'],
    nickname: `居民${openid.slice(-3)}`,
    phone: null,
    community: '',
    address: null,
    elderMode: false,
    volunteer: null,
    merchantId: null,
    points: { ...emptyPoints(), balance: 1000, earned: 1000 },
    createdAt: now,
    updatedAt: now,
  }))
  for (let i = 0; i < users.length; i += 500)
    await db.collection('users').add({ data: users.slice(i, i + 500) })
  await db.collection('users').add({
    data: { ...users[0], _id: 'demo-worker-liu', openid: 'demo-worker-liu', roles: ['resident', 'worker'] },
  })

  section('points.adjust under load (over /fn, all calls started at once)')
  await burst(emu, 200, () => people[0], 'one hot person')
  await burst(emu, 400, (i) => people[1 + (i % 100)], '100 people')

  section('points.summary and points.ledger as the ledger grows (serial calls over /fn)')
  let inserted = 0
  const target = people[7]
  for (const size of [1_000, 10_000, 100_000]) {
    while (inserted < size) {
      const batch = Array.from({ length: 1000 }, (_v, j) => {
        const n = inserted + j
        // One in ten entries belongs to the measured person until they have 100; the rest are others'.
        const openid = n % 10 === 0 && n < 1000 ? target : people[n % people.length]
        return {
          _id: idFor(`entry:bench:${n}`),
          openid,
          delta: 1,
          kind: 'civic',
          refId: 'garbage-sorting',
          note: '垃圾分类',
          operator: 'demo-worker-liu',
          createdAt: now - n * 1000,
          balanceAfter: 1000,
          name: '居民',
          public: n % 50 === 0,
          fingerprint: 'bench',
        }
      })
      await db.collection('ledger').add({ data: batch })
      inserted += batch.length
    }
    const total = (await db.collection('ledger').count()).total
    timingRow(
      `summary at ${total.toLocaleString('en')} entries`,
      await timeSerial(100, () => emu.call('points', { action: 'summary' }, target)),
    )
    timingRow(
      `ledger first page at ${total.toLocaleString('en')}`,
      await timeSerial(100, () => emu.call('points', { action: 'ledger' }, target)),
    )
    const first = await emu.call<{ nextCursor: string }>('points', { action: 'ledger' }, target)
    timingRow(
      `ledger second page at ${total.toLocaleString('en')}`,
      await timeSerial(100, () =>
        emu.call('points', { action: 'ledger', cursor: first.data!.nextCursor }, target),
      ),
    )
    timingRow(
      `board (month) at ${total.toLocaleString('en')}`,
      await timeSerial(50, () => emu.call('points', { action: 'board' })),
    )
  }
}
