/**
 * 街头公益角 under load: a 500-way sign-up race for the places of one activity (how long until every
 * caller has an answer, how many had to retry their transaction, and whether the places came out exactly
 * right), and the latency of listing corners nearest first.
 */
import { type Emulator } from '../test/helpers/emulator'
import { connectSdk } from '../test/helpers/sdk'
import { emptyPoints } from '../types/records'
import { percentile, row, section, timeSerial, timingRow } from './lib'

const WORKER = 'demo-worker-liu'
const RACERS = 500
const CAPACITY = 100

/**
 * Database reads of one sign-up attempt: the caller's record, then (in the transaction) the agenda and the
 * activity. A call that read more went round again.
 */
const READS_OF_ONE_ATTEMPT = 3

async function signupRace(emu: Emulator): Promise<void> {
  const { db } = connectSdk(emu.url)
  const now = await emu.advanceClock(0)
  const people = Array.from({ length: RACERS }, (_v, i) => `bench-racer-${i}`)
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
    points: emptyPoints(),
    createdAt: now,
    updatedAt: now,
  }))
  for (let i = 0; i < users.length; i += 250)
    await db.collection('users').add({ data: users.slice(i, i + 250) })
  const startAt = now + 24 * 3600_000
  const created = await emu.call<{ id: string }>(
    'activities',
    {
      action: 'upsert',
      projectId: 'project-xiaohongmao',
      title: '“小红帽”重阳节陪老人逛公益角',
      location: '世纪公园公益角',
      startAt,
      endAt: startAt + 2 * 3600_000,
      capacity: CAPACITY,
    },
    WORKER,
  )
  const id = created.data!.id

  section(
    `activities.signup: ${RACERS} people race for ${CAPACITY} places of one activity (over /fn, all at once)`,
  )
  const latencies: number[] = []
  const outcomes = new Map<string, number>()
  let retried = 0
  const started = performance.now()
  await Promise.all(
    people.map(async (openid) => {
      const t = performance.now()
      const res = await emu.callRaw('activities', { action: 'signup', id }, openid)
      latencies.push(performance.now() - t)
      const key = res.body.ok
        ? 'placed'
        : `${res.body.code}${res.status === 200 ? '' : ` (HTTP ${res.status})`}`
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
      if (res.reads > READS_OF_ONE_ATTEMPT) retried++
    }),
  )
  const settled = performance.now() - started
  latencies.sort((a, b) => a - b)
  row(
    'settled in',
    `${settled.toFixed(0)} ms  (${(RACERS / (settled / 1000)).toFixed(0)} sign-ups answered/s)`,
  )
  row(
    'answers',
    [...outcomes.entries()]
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', '),
  )
  row(
    'latency per call',
    `p50 ${percentile(latencies, 50).toFixed(0)} ms   p99 ${percentile(latencies, 99).toFixed(0)} ms`,
  )
  row('calls that retried their transaction', String(retried))
  const activity = (await db.collection('activities').doc(id).get()).data
  const holding = (await db.collection('signups').where({ activityId: id, state: 'signed' }).count()).total
  row(`final signedUp / sign-up documents (must be ${CAPACITY})`, `${activity.signedUp} / ${holding}`)
}

async function cornerListing(emu: Emulator): Promise<void> {
  section('corners: listing nearest first and reading a corner (serial calls over /fn)')
  const near = { lat: 38.03, lng: 114.55 }
  timingRow(
    'corners.list near a point (15 corners)',
    await timeSerial(200, () => emu.call('corners', { action: 'list', near })),
  )
  timingRow(
    'corners.list, no point (15 corners)',
    await timeSerial(200, () => emu.call('corners', { action: 'list' })),
  )
  timingRow(
    'corners.get (corner + ~20 projects)',
    await timeSerial(200, () => emu.call('corners', { action: 'get', id: 'corner-shiji-park' })),
  )
  timingRow(
    'corners.listProjects by corner (page of 20)',
    await timeSerial(200, () =>
      emu.call('corners', { action: 'listProjects', cornerId: 'corner-shiji-park' }),
    ),
  )
  timingRow(
    'corners.getProject (+ upcoming activities)',
    await timeSerial(200, () => emu.call('corners', { action: 'getProject', id: 'project-xiaohongmao' })),
  )

  // The most a district may have: 100 corners, each listing 20 projects.
  const { db } = connectSdk(emu.url)
  const now = Date.now()
  const more = Array.from({ length: 85 }, (_v, i) => ({
    _id: `bench-corner-${i}`,
    name: `测试公益角${i}`,
    kind: i % 3 ? 'park' : 'mall',
    address: '裕华区',
    location: { lat: 38 + (i % 10) * 0.005, lng: 114.5 + Math.floor(i / 10) * 0.009 },
    schedule: { weekdays: [6, 0], start: '09:00', end: '11:30', note: '' },
    projectIds: Array.from({ length: 20 }, (_w, j) => `bench-project-${i}-${j}`),
    projectCount: 20,
    createdAt: now,
    updatedAt: now,
  }))
  await db.collection('corners').add({ data: more })
  timingRow(
    'corners.list near a point (100 corners)',
    await timeSerial(200, () => emu.call('corners', { action: 'list', near })),
  )
  const sized = await emu.callRaw('corners', { action: 'list', near })
  row('database reads of corners.list', String(sized.reads))
}

export async function benchActivities(emu: Emulator): Promise<void> {
  await emu.reset('demo')
  await signupRace(emu)
  await emu.reset('demo')
  await cornerListing(emu)
}
