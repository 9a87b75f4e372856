/** Latency of function calls over /fn, as the H5 app makes them. */
import { type Emulator } from '../test/helpers/emulator'
import { row, section, timeSerial, timingRow } from './lib'

export async function benchUserFunction(emu: Emulator): Promise<void> {
  section('user function over POST /fn (serial)')
  await emu.reset('demo')
  timingRow(
    'user.login (existing user)',
    await timeSerial(300, () => emu.call('user', { action: 'login' }, 'demo-resident-wang')),
  )
  timingRow(
    'user.login (first call, creates the user)',
    await timeSerial(200, (i) => emu.call('user', { action: 'login' }, `bench-new-${i + 100}`)),
  )
  timingRow(
    'user.listVolunteers (worker)',
    await timeSerial(200, () =>
      emu.call('user', { action: 'listVolunteers', status: 'approved' }, 'demo-worker-liu'),
    ),
  )
  const ops = await emu.callRaw('user', { action: 'login' }, 'demo-resident-wang')
  row('database operations of user.login', `${ops.reads} reads, ${ops.writes} writes`)
}
