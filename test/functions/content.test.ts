/**
 * Every text that someone writes and someone else may read passes the content check, whoever writes it
 * (a worker and a shopkeeper too), and is refused with content-rejected, changing nothing. Text is
 * normalised first: zero-width and bidi-control characters are taken out (and compatibility forms folded
 * for the check), so a risky word cannot hide behind an invisible character; what is stored is the text
 * without them.
 */
import type { Need } from '../../types/needs'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import type { Sdk } from '../helpers/sdk'
import { postErrand, snapshotCollections } from '../helpers/snapshots'

const WORKER = 'demo-worker-liu'
const SHOP = 'demo-merchant-zhou'
const RESIDENT = 'demo-resident-li'
const VOLUNTEER = 'demo-volunteer-zhang'
/** Risky words of the emulator's content check, split by invisible characters. */
const RISKY = '代\u200b开发票 办\u2066假\u2069证'

let emu: Emulator
let sdk: Sdk

startEmulatorForFile({ seed: 'none', reset: 'demo' }, (started, connected) => {
  emu = started
  sdk = connected
})

const everything = () =>
  snapshotCollections(sdk, ['users', 'needs', 'rewards', 'merchants', 'ledger', 'activities'])

async function needIn(status: 'pending' | 'assigned' | 'open'): Promise<string> {
  const id = await postErrand(emu, RESIDENT)
  if (status === 'pending') return id
  await emu.call('needs', { action: 'review', id, approve: true }, WORKER)
  if (status === 'open') return id
  await emu.call('needs', { action: 'claim', id }, VOLUNTEER)
  return id
}

type Case = [string, string, (text: string) => Promise<object> | object, string]

const cases: Case[] = [
  [
    'a reward title (listed to anyone)',
    'mall',
    (t) => ({
      action: 'upsertReward',
      merchantId: 'shop-huimin',
      title: t,
      cost: 10,
      stock: 5,
      perUserLimit: 1,
    }),
    SHOP,
  ],
  [
    'a shop name',
    'mall',
    (t) => ({ action: 'upsertMerchant', name: t, kind: 'other', address: '某路1号' }),
    WORKER,
  ],
  [
    'a shop address',
    'mall',
    (t) => ({ action: 'upsertMerchant', name: '爱心店', kind: 'other', address: t }),
    WORKER,
  ],
  [
    'a completion note (read by the requester)',
    'needs',
    async (t) => ({ action: 'complete', id: await needIn('assigned'), minutes: 30, note: t }),
    VOLUNTEER,
  ],
  [
    'a rejection reason (read by the requester)',
    'needs',
    async (t) => ({ action: 'review', id: await needIn('pending'), approve: false, reason: t }),
    WORKER,
  ],
  [
    'a cancellation reason',
    'needs',
    async (t) => ({ action: 'cancel', id: await needIn('open'), reason: t }),
    WORKER,
  ],
  [
    'a need title',
    'needs',
    (t) => ({
      action: 'create',
      category: 'errand',
      title: t,
      description: '请帮忙。',
      address: '槐中路社区2栋',
      contactPhone: '13503110007',
    }),
    RESIDENT,
  ],
  [
    'an adjustment note (read in the person’s ledger)',
    'points',
    (t) => ({ action: 'adjust', openid: RESIDENT, delta: 5, note: t, idempotencyKey: 'content-check-key' }),
    WORKER,
  ],
  ['a nickname', 'user', (t) => ({ action: 'updateProfile', nickname: t }), RESIDENT],
  ['a community', 'user', (t) => ({ action: 'updateProfile', community: t }), RESIDENT],
  [
    'a need’s address (read by the volunteer who helps)',
    'needs',
    (t) => ({
      action: 'create',
      category: 'errand',
      title: '帮忙取快递',
      description: '请帮忙。',
      address: t,
      contactPhone: '13503110007',
    }),
    RESIDENT,
  ],
  [
    'a volunteer’s refusal reason (read by the applicant)',
    'user',
    (t) => ({ action: 'reviewVolunteer', openid: 'demo-resident-zhao', approve: false, reason: t }),
    WORKER,
  ],
]

it.each(cases)(
  'checks %s, hidden words included, and refuses it changing nothing',
  async (_name, fn, payload, who) => {
    const data = await payload(RISKY)
    const before = await everything()
    const res = await emu.call(fn, data, who)
    expect(res).toMatchObject({ ok: false, code: 'content-rejected' })
    expect(res.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await everything()).toEqual(before)
  },
)

it('checks a volunteer applicant’s real name, shown to requesters', async () => {
  const before = await everything()
  const res = await emu.call(
    'user',
    { action: 'applyVolunteer', realName: '代开发票', phone: '13503110007', skills: ['陪伴聊天'] },
    RESIDENT,
  )
  expect(res).toMatchObject({ ok: false, code: 'content-rejected' })
  expect(await everything()).toEqual(before)
})

it('stores text without zero-width and bidi-control characters, and with its own punctuation', async () => {
  const res = await emu.call(
    'user',
    { action: 'updateProfile', nickname: '王\u200b秀\u202e英\ufeff' },
    'demo-resident-wang',
  )
  expect(res.ok).toBe(true)
  expect((await sdk.db.collection('users').doc('demo-resident-wang').get()).data.nickname).toBe('王秀英')
  const need = await emu.call<Need>(
    'needs',
    {
      action: 'create',
      category: 'errand',
      title: '帮忙\u200d取快递',
      description: '快递在驿站，谢谢！',
      address: '槐中路社区2栋',
      contactPhone: '13503110007',
    },
    RESIDENT,
  )
  expect(need.data).toMatchObject({ title: '帮忙取快递', description: '快递在驿站，谢谢！' })
})
