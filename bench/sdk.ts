/** Per-call latency of wx-server-sdk operations through the emulator, and a 100-way transaction race. */
import { type Emulator } from '../test/helpers/emulator'
import { connectSdk } from '../test/helpers/sdk'
import { row, section, timeSerial, timingRow } from './lib'

export async function benchSdk(emu: Emulator): Promise<void> {
  const { db, _ } = connectSdk(emu.url)
  await db.createCollection('bench_docs').catch(() => undefined)
  const coll = db.collection('bench_docs')
  section('wx-server-sdk operations through the emulator (serial, loopback HTTP)')
  await coll.doc('fixed').set({ data: { n: 0, kind: 'fixed' } })
  for (let i = 0; i < 200; i++) await coll.add({ data: { kind: i % 2 ? 'odd' : 'even', n: i } })
  timingRow('add', await timeSerial(300, (i) => coll.add({ data: { kind: 'added', n: i } })))
  timingRow('doc().get()', await timeSerial(300, () => coll.doc('fixed').get()))
  timingRow(
    'where().orderBy().limit(20).get()',
    await timeSerial(300, () => coll.where({ kind: 'odd' }).orderBy('n', 'desc').limit(20).get()),
  )
  timingRow('where().count()', await timeSerial(300, () => coll.where({ kind: 'even' }).count()))
  timingRow(
    'doc().update(inc)',
    await timeSerial(300, () => coll.doc('fixed').update({ data: { n: _.inc(1) } })),
  )
  timingRow(
    'runTransaction(get + update)',
    await timeSerial(200, () =>
      db.runTransaction(async (tx: typeof db) => {
        const d = (await tx.collection('bench_docs').doc('fixed').get()).data
        await tx
          .collection('bench_docs')
          .doc('fixed')
          .update({ data: { n: d.n + 1 } })
      }),
    ),
  )

  section('100 racing read-then-write transactions on one document')
  await coll.doc('race').set({ data: { n: 0 } })
  let attempts = 0
  const started = performance.now()
  const outcomes = await Promise.allSettled(
    Array.from({ length: 100 }, () =>
      db.runTransaction(async (tx: typeof db) => {
        attempts++
        const d = (await tx.collection('bench_docs').doc('race').get()).data
        await tx
          .collection('bench_docs')
          .doc('race')
          .update({ data: { n: d.n + 1 } })
      }),
    ),
  )
  const seconds = (performance.now() - started) / 1000
  const final = (await coll.doc('race').get()).data.n
  row('settled in', `${(seconds * 1000).toFixed(0)} ms  (${(100 / seconds).toFixed(0)} transactions/s)`)
  row(
    'committed / failed',
    `${outcomes.filter((o) => o.status === 'fulfilled').length} / ${outcomes.filter((o) => o.status === 'rejected').length}`,
  )
  row('retries (attempts beyond the first)', String(attempts - 100))
  row('final counter (must be 100)', String(final))
}
