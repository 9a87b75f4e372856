/**
 * The station's report at 1,000 / 10,000 / 100,000 needs: the dashboard's first screen (report.summary of
 * a month and report.trend of 12 months) and the larger reads (a year, 24 months), each with its latency
 * and database operations, and the counters filled the way the seed fills them (the records' tallies,
 * types/report.ts). Then the price of one counter document per day: needs posted all at once, every one of
 * them writing today's document in its transaction. At 1,000 and 10,000 needs, the Excel exports of a year
 * (report.export): total time, calls, operations, rows and the file's size.
 */
import { shanghaiMonth } from '../types/time'
import type { NeedRecord } from '../types/records'
import { NEED_CATEGORIES } from '../types/needs'
import { daysOf, talliesOf } from '../types/report'
import type { ExportProgress } from '../types/exports'
import { startEmulator, type Emulator } from '../test/helpers/emulator'
import { connectSdk } from '../test/helpers/sdk'
import { mulberry32 } from '../test/helpers/random'
import { percentile, section } from './lib'

const SIZES = [1_000, 10_000, 100_000] as const
/** Exports (report.export) are timed at these sizes: a year's list read page by page, over several calls. */
const EXPORTS_UP_TO = 10_000
const DAY = 86_400_000
const HOUR = 3_600_000
const WORKER = 'demo-worker-liu'
const CALLS = 20
const COMMUNITIES = ['道义街3502社区', '槐中路社区', '建华南社区', '体育南大街社区']

/** A need of the last two years, taken, done and confirmed as most are. */
function need(n: number, now: number, r: () => number): NeedRecord {
  const createdAt = now - Math.floor(r() * 730 * DAY)
  const confirmed = r() < 0.7
  const claimedAt = createdAt + Math.floor(r() * 6 * HOUR)
  const doneAt = claimedAt + Math.floor(r() * 48 * HOUR)
  const confirmedAt = doneAt + Math.floor(r() * 24 * HOUR)
  const requester = `bench-resident-${n % 3000}`
  return {
    _id: `bench-need-${n}`,
    category: NEED_CATEGORIES[n % NEED_CATEGORIES.length],
    title: '帮忙',
    description: '需要邻居搭把手',
    urgency: 'normal',
    status: confirmed && confirmedAt < now ? 'confirmed' : 'open',
    requester: { openid: requester, nickname: '居民' },
    onBehalfOf: null,
    assignee: confirmed ? { openid: `bench-volunteer-${n % 400}`, nickname: '志愿者' } : null,
    points: 20,
    preferredTime: '',
    minutes: confirmed ? 60 : null,
    completionNote: '',
    rating: confirmed ? 1 + (n % 5) : null,
    comment: '',
    rejectReason: '',
    cancelReason: '',
    address: '裕华区',
    contactPhone: '13603110005',
    reviewedBy: WORKER,
    creditEntryId: null,
    community: COMMUNITIES[n % COMMUNITIES.length],
    claimedAt: confirmed && claimedAt < now ? claimedAt : null,
    doneAt: confirmed && doneAt < now ? doneAt : null,
    confirmedAt: confirmed && confirmedAt < now ? confirmedAt : null,
    createdAt,
    updatedAt: createdAt,
  }
}

async function measure(emu: Emulator, data: object) {
  const first = await emu.callRaw<{ items?: unknown[] }>('report', data, WORKER)
  if (!first.body.ok) throw new Error(`report ${JSON.stringify(data)}: ${first.body.message}`)
  const bytes = JSON.stringify(first.body).length
  const samples: number[] = []
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now()
    await emu.callRaw('report', data, WORKER)
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    ops: first.reads + first.writes,
    bytes,
  }
}

/** One export run to its end as the 数据 page runs it: wall time, calls, operations, rows and the file's size. */
async function measureExport(emu: Emulator, args: object) {
  const started = performance.now()
  let payload: object = { action: 'export', ...args }
  let calls = 0
  let ops = 0
  let maxOps = 0
  for (;;) {
    const res = await emu.callRaw<ExportProgress>('report', payload, WORKER)
    if (!res.body.ok) throw new Error(`report.export ${JSON.stringify(args)}: ${res.body.message}`)
    calls += 1
    ops += res.reads + res.writes
    maxOps = Math.max(maxOps, res.reads + res.writes)
    const p = res.body.data!
    if (p.done) {
      const ms = performance.now() - started
      const file = await fetch(encodeURI(p.tempFileURL!))
      const bytes = (await file.arrayBuffer()).byteLength
      return { ms, calls, ops, maxOps, rows: p.rows, bytes }
    }
    payload = { action: 'export', job: p.job }
  }
}

export async function benchReport(): Promise<void> {
  const emu = await startEmulator({ seed: 'none', adminOpenids: [WORKER] })
  try {
    const { db } = connectSdk(emu.url)
    const now = await emu.now()
    const monthStart = Date.parse(`${shanghaiMonth(now)}-01T00:00:00+08:00`)
    section(
      `report (工作台 → 数据) as needs grow (needs over two years with their day counters; serial calls, ${CALLS} per probe)`,
    )
    console.log(
      `  ${'probe'.padEnd(36)} ${'needs'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}  ops  answer`,
    )
    const r = mulberry32(7)
    const needs: NeedRecord[] = []
    for (const size of SIZES) {
      while (needs.length < size) {
        const batch = Array.from({ length: Math.min(1000, size - needs.length) }, (_x, i) =>
          need(needs.length + i, now, r),
        )
        await db.collection('needs').add({ data: batch })
        needs.push(...batch)
      }
      // The counters as the functions would have kept them: every day's tallies of these needs.
      const days = daysOf(
        talliesOf({ needs, activities: [], signups: [], recipients: [], visits: [], ledger: [], orders: [] }),
      )
      for (const day of days.values()) {
        const { _id, ...fields } = day
        await db.collection('report_days').doc(_id).set({ data: fields })
      }
      const probes: [string, object][] = [
        ['summary, this month', { action: 'summary', from: monthStart, to: now + 1 }],
        ['trend, 12 months', { action: 'trend', months: 12 }],
        ['summary, a year', { action: 'summary', from: now - 365 * DAY, to: now }],
        [
          'summary, a year, one community',
          { action: 'summary', from: now - 365 * DAY, to: now, community: COMMUNITIES[0] },
        ],
        ['trend, 24 months', { action: 'trend', months: 24 }],
      ]
      let firstScreen = 0
      for (const [label, data] of probes) {
        const m = await measure(emu, data)
        if (label === 'summary, this month' || label === 'trend, 12 months') firstScreen += m.ops
        console.log(
          `  ${label.padEnd(36)} ${size.toLocaleString('en').padStart(8)} ${m.p50.toFixed(1).padStart(7)} ${m.p99.toFixed(1).padStart(7)}  ${String(m.ops).padStart(3)}  ${(m.bytes / 1024).toFixed(1)} KiB`,
        )
      }
      console.log(
        `  first screen (summary of the month + trend of 12 months): 2 calls, ${firstScreen} operations`,
      )
      if (size > EXPORTS_UP_TO) continue
      for (const kind of ['needs', 'volunteers', 'summary'] as const) {
        const m = await measureExport(emu, { kind, from: now - 365 * DAY, to: now })
        console.log(
          `  ${`export ${kind}, a year`.padEnd(36)} ${size.toLocaleString('en').padStart(8)} ${m.ms.toFixed(0).padStart(7)} ms total, ${m.calls} calls, ${m.ops} operations (at most ${m.maxOps} a call), ${m.rows} rows read, ${(m.bytes / 1024).toFixed(1)} KiB file`,
        )
      }
    }

    // One counter document per day: every need posted now writes it. A burst of simultaneous posts.
    for (const burst of [20, 100]) {
      const started = performance.now()
      const samples = await Promise.all(
        Array.from({ length: burst }, async (_x, i) => {
          const t = performance.now()
          const res = await emu.call(
            'needs',
            {
              action: 'create',
              category: 'errand',
              title: `同时发布${i}`,
              description: '测一测当天计数的争用',
              address: '裕华区',
              contactPhone: '13603110005',
            },
            `bench-burst-${i % 10}`,
          )
          if (!res.ok) throw new Error(`needs.create: ${res.message}`)
          return performance.now() - t
        }),
      )
      samples.sort((a, b) => a - b)
      const wall = performance.now() - started
      console.log(
        `  ${`${burst} needs.create at once (one day document)`.padEnd(44)} p50 ${percentile(samples, 50).toFixed(0)} ms  p99 ${percentile(samples, 99).toFixed(0)} ms  all done in ${wall.toFixed(0)} ms`,
      )
    }
  } finally {
    await emu.stop()
  }
}
