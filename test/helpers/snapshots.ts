/** Shared by tests of refusals: a need to act on, and snapshots to compare before and after. */
import type { Need } from '../../types/needs'
import type { Emulator } from './emulator'
import type { Sdk } from './sdk'

/** Posts an errand (with an address and a phone number) as `openid`; answers its id. */
export async function postErrand(emu: Emulator, openid: string): Promise<string> {
  const made = await emu.call<Need>(
    'needs',
    {
      action: 'create',
      category: 'errand',
      title: '帮忙取快递',
      description: '快递在小区门口驿站，请帮忙送到家。',
      address: '槐中路社区2栋2单元201',
      contactPhone: '13503110007',
    },
    openid,
  )
  if (!made.ok) throw new Error(`posting an errand failed: ${JSON.stringify(made)}`)
  return made.data!.id
}

/** The resident posts an errand, the worker approves it and dispatches it to the volunteer; answers its id. */
export async function dispatchErrand(
  emu: Emulator,
  people: { resident: string; worker: string; volunteer: string },
): Promise<string> {
  const id = await postErrand(emu, people.resident)
  for (const [data, who] of [
    [{ action: 'review', id, approve: true }, people.worker],
    [{ action: 'dispatch', id, volunteerOpenid: people.volunteer }, people.worker],
  ] as const) {
    const res = await emu.call('needs', data, who)
    if (!res.ok) throw new Error(`needs.${data.action} failed: ${JSON.stringify(res)}`)
  }
  return id
}

/** Every document of the collections named, in id order. */
export async function snapshotCollections(sdk: Sdk, names: string[]): Promise<unknown> {
  const read = async (name: string) =>
    (await sdk.db.collection(name).orderBy('_id', 'asc').limit(1000).get()).data
  return Promise.all(names.map(read))
}
