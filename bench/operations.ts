/**
 * Database operations per action (CloudBase bills reads and writes): every row of the authorization matrix
 * called once by a caller it allows, on the demo seed, with the emulator's count of reads and writes.
 */
import { makeFixtures, prepareRow } from '../test/authorization/fixtures'
import { CALLERS, OPENIDS, ROWS, type CallerKind } from '../test/authorization/matrix'
import { type Emulator } from '../test/helpers/emulator'
import { row, section } from './lib'

/** Who is asked first: people who already have a record (a stranger's first call also creates theirs). */
const PREFERENCE: CallerKind[] = ['owner', 'resident', 'volunteer', 'worker', 'shopStaff', 'anonymous']

export async function benchOperations(emu: Emulator): Promise<void> {
  section('database operations per action (one allowed call each, demo seed)')
  const most = new Map<string, { reads: number; writes: number; caller: CallerKind }>()
  for (const [index, r] of ROWS.entries()) {
    const allowed = CALLERS.filter((c) => (r.expect[c] ?? r.otherwise) === 'ok')
    const caller = PREFERENCE.find((c) => allowed.includes(c)) ?? allowed[0]
    if (!caller) continue
    const reward = await prepareRow(emu, index)
    const payload = await r.payload(makeFixtures(emu, () => reward))
    const res = await emu.callRaw(
      r.fn,
      { action: r.action, ...payload },
      caller === 'anonymous' ? undefined : OPENIDS[caller],
    )
    const name = `${r.fn}.${r.action}`
    if (!res.body.ok) {
      row(name, `FAILED ${res.body.code}`)
      continue
    }
    const seen = most.get(name)
    if (!seen || res.reads + res.writes > seen.reads + seen.writes)
      most.set(name, { reads: res.reads, writes: res.writes, caller })
  }
  let highest = 0
  for (const [name, m] of most) {
    highest = Math.max(highest, m.reads + m.writes)
    row(`${name} (${m.caller})`, `${m.reads} reads, ${m.writes} writes = ${m.reads + m.writes}`)
  }
  row('most operations of any action', `${highest} (budget 6)`)
}
