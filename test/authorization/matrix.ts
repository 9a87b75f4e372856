/**
 * The authorization matrix: every function action × every kind of caller → allowed, or the exact error
 * code. One declared table; test/authorization/matrix.test.ts runs every cell against the emulator.
 *
 * Callers are demo people (see emulator/seeds/demo): `owner` is whoever owns the target made for the cell
 * (a need they posted, an order they placed, their own sign-up), `stranger` a logged-in person never seen.
 */
import type { ErrorCode } from '../../types/envelope'
import { shanghaiDay } from '../../types/time'

export const CALLERS = [
  'anonymous',
  'resident',
  'volunteer',
  'otherVolunteer',
  'worker',
  'shopStaff',
  'otherShopStaff',
  'owner',
  'stranger',
] as const
export type CallerKind = (typeof CALLERS)[number]

export const OPENIDS: Record<Exclude<CallerKind, 'anonymous'>, string> = {
  resident: 'demo-resident-li',
  volunteer: 'demo-volunteer-zhang',
  otherVolunteer: 'demo-volunteer-chen',
  worker: 'demo-worker-liu',
  shopStaff: 'demo-merchant-meng', // 槐中路社区卫生室, the shop of the reward ordered below
  otherShopStaff: 'demo-merchant-zhou', // 惠民便民超市
  owner: 'demo-resident-wang',
  stranger: 'never-seen-before',
}

/**
 * Actions that were at the budget of 6 operations and write one more: the day's counter of the station's report,
 * in the transaction of the event it counts (docs/API.md, each action's “Cost” line). Allowed 7, no more.
 */
export const COUNTED_ON_TOP: readonly string[] = [
  'needs.confirm',
  'activities.signup',
  'activities.cancel',
  'activities.confirm',
  'mall.redeem',
  'care.confirmVisit',
]

/** What a cell expects: `ok`, or an error code. */
export type Outcome = 'ok' | ErrorCode

/** Helpers a row's setup uses to make its target, acting as the given people over /fn. */
export interface Fixtures {
  call<T = unknown>(
    fn: string,
    data: object,
    openid?: string,
  ): Promise<{ ok: boolean; data?: T; code?: string }>
  /** A need posted by `owner` and moved to the status asked (an assignee: `volunteer`). */
  need(status: 'pending' | 'open' | 'assigned' | 'done'): Promise<string>
  /** The matrix's own reward at 槐中路社区卫生室 (the shop of `shopStaff`). */
  reward(): string
  /** A held order of the matrix's own reward at 槐中路社区卫生室 (1 point, no practical limit) by `owner`. */
  order(): Promise<string>
  /** A fresh redemption code for an order of `owner`. */
  code(orderId: string): Promise<string>
  /** The digits of a fresh redemption code for an order of `owner`. */
  shortCode(orderId: string): Promise<string>
  /**
   * A fresh activity (made by `worker`, starting in 20 minutes, an hour long) taken to the stage asked by
   * `owner`: `open` (nobody signed up), `signed`, `checked-in`, or `checked-out` (the clock moved into
   * the activity first, so a worker may confirm it). `code` is a current on-site code.
   */
  activity(stage: 'open' | 'signed' | 'checked-in' | 'checked-out'): Promise<{ id: string; code: string }>
  /** A unique key for idempotent calls. */
  key(): string
}

export interface Row {
  fn: string
  action: string
  /** Builds the payload (after making the cell's target). */
  payload: (f: Fixtures) => Promise<object> | object
  /** Outcome by caller; callers not listed get `otherwise`. */
  expect: Partial<Record<CallerKind, Outcome>>
  otherwise: Outcome
  /** Callers whose answer may carry an address or a full phone number (the target's own people). */
  seesContact?: readonly CallerKind[]
}

/** Everyone sees their own: the requester of what they posted, the caller's own lists. */
const ALL: readonly CallerKind[] = CALLERS

const everyoneLoggedIn: Partial<Record<CallerKind, Outcome>> = { anonymous: 'unauthenticated' }
const workersOnly = (extra: Partial<Record<CallerKind, Outcome>> = {}) => ({
  expect: { anonymous: 'unauthenticated', worker: 'ok', ...extra } as Partial<Record<CallerKind, Outcome>>,
  otherwise: 'permission-denied' as Outcome,
})

/** The demo 爱心敲门 team of 道义街3502社区 and one of its recipients (emulator/seeds/demo/care.ts). */
const CARE_TEAM = 'demo-care-team-3502'
const CARE_RECIPIENT = 'demo-recipient-liufq'
const NEW_RECIPIENT = {
  name: '测试老人',
  community: '道义街3502社区',
  address: '道义街3502社区9栋1单元101',
  phone: '13833339999',
  circumstances: ['独居'],
  risk: 'high',
  teamId: CARE_TEAM,
  consent: true,
}
const NEW_RECIPIENT_CALL = { action: 'upsertRecipient', ...NEW_RECIPIENT }
/** Workers and the team's members see the team's recipients; everyone else gets `outsiders`. */
const careTeamOnly = (outsiders: Outcome) => ({
  expect: { anonymous: 'unauthenticated', worker: 'ok', volunteer: 'ok' } as Partial<
    Record<CallerKind, Outcome>
  >,
  otherwise: outsiders,
  seesContact: ['worker', 'volunteer'] as readonly CallerKind[],
})

/** A 志愿服务证明 of `volunteer` for the last 400 days (the demo volunteer has confirmed service in them). */
async function certificateOf(f: Fixtures): Promise<string> {
  const now = Date.now()
  const res = await f.call<{ serial: string }>(
    'certificate',
    { action: 'issue', period: { from: shanghaiDay(now - 400 * 86_400_000), to: shanghaiDay(now) } },
    OPENIDS.volunteer,
  )
  if (!res.ok) throw new Error(`issuing a certificate failed: ${JSON.stringify(res)}`)
  return res.data!.serial
}

export const ROWS: Row[] = [
  // user
  { fn: 'user', action: 'login', payload: () => ({}), expect: everyoneLoggedIn, otherwise: 'ok' },
  {
    // The phone-number exchange: a code WeChat never gave is refused, whoever presents it.
    fn: 'user',
    action: 'verifyPhone',
    payload: () => ({ code: 'never-issued-code' }),
    expect: everyoneLoggedIn,
    otherwise: 'failed-precondition',
  },
  {
    fn: 'user',
    action: 'updateProfile',
    payload: () => ({ community: '槐中路社区' }),
    expect: everyoneLoggedIn,
    otherwise: 'ok',
  },
  {
    fn: 'user',
    action: 'applyVolunteer',
    payload: () => ({ realName: '测试人', phone: '13912345678', skills: ['陪伴聊天'] }),
    // Approved volunteers are told they already are one.
    expect: {
      anonymous: 'unauthenticated',
      volunteer: 'failed-precondition',
      otherVolunteer: 'failed-precondition',
    },
    otherwise: 'ok',
  },
  {
    fn: 'user',
    action: 'reviewVolunteer',
    payload: async (f) => {
      const openid = `applicant-${f.key()}`
      await f.call(
        'user',
        { action: 'applyVolunteer', realName: '申请人', phone: '13912345678', skills: ['陪伴聊天'] },
        openid,
      )
      return { openid, approve: true }
    },
    ...workersOnly(),
  },
  { fn: 'user', action: 'listVolunteers', payload: () => ({}), ...workersOnly(), seesContact: ['worker'] },
  { fn: 'user', action: 'findPeople', payload: () => ({ q: '王' }), ...workersOnly() },
  {
    // Choosing whom to dispatch a need to: two reads of people (its community, the others) and one of open tasks.
    fn: 'user',
    action: 'findPeople',
    payload: async (f) => ({ role: 'volunteer', needId: await f.need('open') }),
    ...workersOnly(),
  },
  {
    fn: 'user',
    action: 'grantRole',
    payload: (f) => ({ openid: `grantee-${f.key()}`, role: 'worker' }),
    ...workersOnly(),
  },
  {
    fn: 'user',
    action: 'revokeRole',
    payload: async (f) => {
      const openid = `revokee-${f.key()}`
      await f.call('user', { action: 'grantRole', openid, role: 'worker' }, OPENIDS.worker)
      return { openid, role: 'worker' }
    },
    ...workersOnly(),
  },

  { fn: 'user', action: 'notices', payload: () => ({ limit: 5 }), expect: everyoneLoggedIn, otherwise: 'ok' },
  {
    fn: 'user',
    action: 'readNotices',
    payload: () => ({ all: true }),
    expect: everyoneLoggedIn,
    otherwise: 'ok',
  },
  {
    // A notice of `owner` (their need was approved): anyone else's id answers as a missing one.
    fn: 'user',
    action: 'readNotices',
    payload: async (f) => {
      await f.need('open')
      const inbox = await f.call<{ items: Array<{ id: string }> }>(
        'user',
        { action: 'notices', limit: 1 },
        OPENIDS.owner,
      )
      return { ids: [inbox.data!.items[0].id] }
    },
    expect: { anonymous: 'unauthenticated', owner: 'ok' },
    otherwise: 'not-found',
  },
  { fn: 'user', action: 'workbench', payload: () => ({}), ...workersOnly() },

  // points
  { fn: 'points', action: 'summary', payload: () => ({}), expect: everyoneLoggedIn, otherwise: 'ok' },
  {
    fn: 'points',
    action: 'ledger',
    payload: () => ({ limit: 5 }),
    expect: everyoneLoggedIn,
    otherwise: 'ok',
  },
  { fn: 'points', action: 'board', payload: () => ({ period: 'month' }), expect: {}, otherwise: 'ok' },
  { fn: 'points', action: 'rules', payload: () => ({}), expect: {}, otherwise: 'ok' },
  {
    fn: 'points',
    action: 'adjust',
    payload: (f) => ({
      openid: OPENIDS.owner,
      ruleId: 'garbage-sorting',
      note: '分类投放',
      idempotencyKey: f.key(),
    }),
    ...workersOnly(),
  },
  {
    // Nobody deals with themselves: not even a worker adjusts their own points.
    fn: 'points',
    action: 'adjust',
    payload: (f) => ({ openid: OPENIDS.worker, delta: 50, note: '加分', idempotencyKey: f.key() }),
    expect: { anonymous: 'unauthenticated' },
    otherwise: 'permission-denied',
  },

  // certificate
  {
    fn: 'certificate',
    action: 'records',
    payload: () => ({ year: Number(shanghaiDay(Date.now()).slice(0, 4)), limit: 5 }),
    expect: everyoneLoggedIn,
    otherwise: 'ok',
  },
  {
    // A real name (an approved volunteer's application) and confirmed service in the period are needed.
    fn: 'certificate',
    action: 'issue',
    payload: () => ({
      period: { from: shanghaiDay(Date.now() - 400 * 86_400_000), to: shanghaiDay(Date.now()) },
    }),
    expect: { anonymous: 'unauthenticated', volunteer: 'ok', otherVolunteer: 'ok' },
    otherwise: 'failed-precondition',
  },
  {
    fn: 'certificate',
    action: 'verify',
    payload: async (f) => ({ serial: await certificateOf(f) }),
    expect: {},
    otherwise: 'ok',
  },
  {
    fn: 'certificate',
    action: 'verify',
    payload: () => ({ serial: 'XS-2026-00000000-0' }),
    expect: {},
    otherwise: 'not-found',
  },
  {
    fn: 'certificate',
    action: 'revoke',
    payload: async (f) => ({ serial: await certificateOf(f), reason: '时长有误' }),
    ...workersOnly(),
  },
  {
    fn: 'certificate',
    action: 'mine',
    payload: () => ({ limit: 5 }),
    expect: everyoneLoggedIn,
    otherwise: 'ok',
  },

  // needs
  {
    fn: 'needs',
    action: 'create',
    payload: () => ({
      category: 'errand',
      title: '帮忙取快递',
      description: '请帮忙把快递送到家。',
      address: '测试社区1栋101',
      contactPhone: '13900001111',
    }),
    expect: everyoneLoggedIn,
    otherwise: 'ok',
    seesContact: ALL,
  },
  {
    fn: 'needs',
    action: 'get',
    payload: async (f) => ({ id: await f.need('open') }),
    expect: {
      anonymous: 'unauthenticated',
      volunteer: 'ok',
      otherVolunteer: 'ok',
      worker: 'ok',
      owner: 'ok',
    },
    otherwise: 'permission-denied',
    seesContact: ['worker', 'owner'],
  },
  {
    fn: 'needs',
    action: 'get',
    payload: async (f) => ({ id: await f.need('assigned') }),
    expect: { anonymous: 'unauthenticated', volunteer: 'ok', worker: 'ok', owner: 'ok' },
    otherwise: 'permission-denied',
    seesContact: ['worker', 'owner', 'volunteer'],
  },
  {
    // A need's photos: to those who may open it; to anyone else exactly as a missing need.
    fn: 'needs',
    action: 'photos',
    payload: async (f) => ({ id: await f.need('assigned') }),
    expect: { anonymous: 'unauthenticated', volunteer: 'ok', worker: 'ok', owner: 'ok' },
    otherwise: 'not-found',
  },
  {
    fn: 'needs',
    action: 'photos',
    payload: async (f) => ({ id: await f.need('open') }),
    expect: {
      anonymous: 'unauthenticated',
      volunteer: 'ok',
      otherVolunteer: 'ok',
      worker: 'ok',
      owner: 'ok',
    },
    otherwise: 'not-found',
  },
  {
    // No such photo: everyone gets the answer a stranger gets for a real one (test/functions/photos.test.ts).
    fn: 'needs',
    action: 'removePhoto',
    payload: async (f) => ({ id: await f.need('pending'), photoId: 'photo-none' }),
    expect: { anonymous: 'unauthenticated' },
    otherwise: 'not-found',
  },
  {
    fn: 'needs',
    action: 'list',
    payload: () => ({ scope: 'pool' }),
    expect: { anonymous: 'unauthenticated', volunteer: 'ok', otherVolunteer: 'ok', worker: 'ok' },
    otherwise: 'permission-denied',
    seesContact: ['worker'],
  },
  {
    // The pool with the caller's location: distance steps, never the place.
    fn: 'needs',
    action: 'list',
    payload: () => ({ scope: 'pool', near: { lat: 38.03, lng: 114.52 } }),
    expect: { anonymous: 'unauthenticated', volunteer: 'ok', otherVolunteer: 'ok', worker: 'ok' },
    otherwise: 'permission-denied',
    seesContact: ['worker'],
  },
  {
    fn: 'needs',
    action: 'list',
    payload: () => ({ scope: 'review' }),
    ...workersOnly(),
    seesContact: ['worker'],
  },
  {
    fn: 'needs',
    action: 'list',
    payload: () => ({ scope: 'mine' }),
    expect: everyoneLoggedIn,
    otherwise: 'ok',
    seesContact: ALL,
  },
  {
    fn: 'needs',
    action: 'review',
    payload: async (f) => ({ id: await f.need('pending'), approve: true }),
    ...workersOnly(),
    seesContact: ['worker'],
  },
  {
    fn: 'needs',
    action: 'claim',
    payload: async (f) => ({ id: await f.need('open') }),
    expect: { anonymous: 'unauthenticated', volunteer: 'ok', otherVolunteer: 'ok' },
    otherwise: 'permission-denied',
    // Whoever claims it becomes the assignee.
    seesContact: ['volunteer', 'otherVolunteer'],
  },
  {
    fn: 'needs',
    action: 'dispatch',
    payload: async (f) => ({ id: await f.need('open'), volunteerOpenid: OPENIDS.otherVolunteer }),
    ...workersOnly(),
    seesContact: ['worker'],
  },
  {
    // A need dispatched to `volunteer` is theirs to mark seen; to anyone else it answers as a missing one.
    fn: 'needs',
    action: 'seen',
    payload: async (f) => {
      const id = await f.need('open')
      await f.call('needs', { action: 'dispatch', id, volunteerOpenid: OPENIDS.volunteer }, OPENIDS.worker)
      return { ids: [id] }
    },
    expect: { anonymous: 'unauthenticated', volunteer: 'ok' },
    otherwise: 'not-found',
  },
  {
    // …nor dispatches a need to themselves.
    fn: 'needs',
    action: 'dispatch',
    payload: async (f) => ({ id: await f.need('open'), volunteerOpenid: OPENIDS.worker }),
    expect: { anonymous: 'unauthenticated' },
    otherwise: 'permission-denied',
  },
  {
    fn: 'needs',
    action: 'release',
    payload: async (f) => ({ id: await f.need('assigned') }),
    expect: { anonymous: 'unauthenticated', volunteer: 'ok' },
    otherwise: 'permission-denied',
  },
  {
    fn: 'needs',
    action: 'complete',
    payload: async (f) => ({ id: await f.need('assigned'), minutes: 30 }),
    expect: { anonymous: 'unauthenticated', volunteer: 'ok' },
    otherwise: 'permission-denied',
    seesContact: ['volunteer'],
  },
  {
    fn: 'needs',
    action: 'confirm',
    payload: async (f) => ({ id: await f.need('done'), rating: 5 }),
    expect: { anonymous: 'unauthenticated', owner: 'ok', worker: 'ok' },
    otherwise: 'permission-denied',
    seesContact: ['owner', 'worker'],
  },
  {
    fn: 'needs',
    action: 'cancel',
    payload: async (f) => ({ id: await f.need('open') }),
    expect: { anonymous: 'unauthenticated', owner: 'ok', worker: 'ok' },
    otherwise: 'permission-denied',
    seesContact: ['owner', 'worker'],
  },

  // mall
  { fn: 'mall', action: 'catalog', payload: () => ({}), expect: {}, otherwise: 'ok' },
  { fn: 'mall', action: 'reward', payload: (f) => ({ id: f.reward() }), expect: {}, otherwise: 'ok' },
  {
    fn: 'mall',
    action: 'upsertMerchant',
    payload: () => ({ name: '测试小店', kind: 'other', address: '测试路1号' }),
    ...workersOnly(),
  },
  {
    // Taking a reward's picture away; giving one needs the caller's own upload (test/functions/photos.test.ts).
    fn: 'mall',
    action: 'setRewardPhoto',
    payload: (f) => ({ rewardId: f.reward(), fileID: null }),
    expect: { anonymous: 'unauthenticated', worker: 'ok', shopStaff: 'ok' },
    otherwise: 'permission-denied',
  },
  {
    fn: 'mall',
    action: 'upsertReward',
    payload: () => ({
      merchantId: 'shop-huaizhong-clinic',
      title: '测试服务',
      cost: 10,
      stock: 5,
      perUserLimit: 1,
    }),
    expect: { anonymous: 'unauthenticated', worker: 'ok', shopStaff: 'ok' },
    otherwise: 'permission-denied',
  },
  {
    fn: 'mall',
    action: 'merchants',
    payload: () => ({}),
    ...workersOnly(),
  },
  {
    fn: 'mall',
    action: 'order',
    payload: (f) => ({ rewardId: 'reward-bp-check', idempotencyKey: f.key() }),
    // Everyone logged in may order; the ones with too few points are told so.
    expect: {
      anonymous: 'unauthenticated',
      stranger: 'failed-precondition',
      worker: 'failed-precondition',
      shopStaff: 'failed-precondition',
      otherShopStaff: 'failed-precondition',
    },
    otherwise: 'ok',
  },
  {
    // A paused shop takes no orders, not even by reward id.
    fn: 'mall',
    action: 'order',
    payload: async (f) => {
      const shop = await f.call<{ id: string }>(
        'mall',
        { action: 'upsertMerchant', name: '暂停的小店', kind: 'other', address: '测试路2号', active: false },
        OPENIDS.worker,
      )
      const reward = await f.call<{ id: string }>(
        'mall',
        {
          action: 'upsertReward',
          merchantId: shop.data!.id,
          title: '测试商品',
          cost: 1,
          stock: 9,
          perUserLimit: 9,
        },
        OPENIDS.worker,
      )
      return { rewardId: reward.data!.id, idempotencyKey: f.key() }
    },
    expect: { anonymous: 'unauthenticated' },
    otherwise: 'failed-precondition',
  },
  {
    fn: 'mall',
    action: 'code',
    payload: async (f) => ({ orderId: await f.order() }),
    expect: { anonymous: 'unauthenticated', owner: 'ok' },
    otherwise: 'permission-denied',
  },
  {
    fn: 'mall',
    action: 'redeem',
    payload: async (f) => ({ code: await f.code(await f.order()) }),
    expect: { anonymous: 'unauthenticated', shopStaff: 'ok' },
    otherwise: 'permission-denied',
  },
  {
    fn: 'mall',
    action: 'lookupCode',
    payload: async (f) => ({ shortCode: await f.shortCode(await f.order()) }),
    // Digits are looked up among the caller's own shop's orders: another shop finds nothing.
    expect: { anonymous: 'unauthenticated', shopStaff: 'ok', otherShopStaff: 'not-found' },
    otherwise: 'permission-denied',
  },
  {
    fn: 'mall',
    action: 'getOrder',
    payload: async (f) => ({ orderId: await f.order() }),
    expect: { anonymous: 'unauthenticated', owner: 'ok', shopStaff: 'ok' },
    otherwise: 'permission-denied',
  },
  {
    fn: 'mall',
    action: 'cancel',
    payload: async (f) => ({ orderId: await f.order() }),
    expect: { anonymous: 'unauthenticated', owner: 'ok' },
    otherwise: 'permission-denied',
  },
  {
    fn: 'mall',
    action: 'orders',
    payload: () => ({ scope: 'mine' }),
    expect: everyoneLoggedIn,
    otherwise: 'ok',
  },
  {
    fn: 'mall',
    action: 'orders',
    payload: () => ({ scope: 'merchant' }),
    expect: { anonymous: 'unauthenticated', shopStaff: 'ok', otherShopStaff: 'ok' },
    otherwise: 'permission-denied',
  },
  {
    fn: 'mall',
    action: 'settlement',
    payload: () => ({ merchantId: 'shop-huaizhong-clinic', from: 0, to: Date.now() + 86_400_000 }),
    expect: { anonymous: 'unauthenticated', worker: 'ok', shopStaff: 'ok' },
    otherwise: 'permission-denied',
  },

  // corners
  {
    fn: 'corners',
    action: 'list',
    payload: () => ({ near: { lat: 38.03, lng: 114.52 } }),
    expect: {},
    otherwise: 'ok',
  },
  { fn: 'corners', action: 'get', payload: () => ({ id: 'corner-shiji-park' }), expect: {}, otherwise: 'ok' },
  {
    fn: 'corners',
    action: 'listProjects',
    payload: () => ({ cornerId: 'corner-shiji-park', limit: 5 }),
    expect: {},
    otherwise: 'ok',
  },
  {
    fn: 'corners',
    action: 'getProject',
    payload: () => ({ id: 'project-xiaomianao' }),
    expect: {},
    otherwise: 'ok',
  },
  {
    fn: 'corners',
    action: 'upsert',
    payload: () => ({
      name: '测试公益角',
      kind: 'park',
      address: '裕华区测试路与测试街交口',
      location: { lat: 38.02, lng: 114.53 },
      schedule: { weekdays: [6], start: '09:00', end: '11:00', note: '' },
    }),
    ...workersOnly(),
  },
  {
    fn: 'corners',
    action: 'upsertProject',
    payload: () => ({
      title: '测试项目',
      org: '测试社工机构',
      category: 'elderly',
      summary: '一句话介绍',
      description: '项目介绍。',
      cornerIds: ['corner-shiji-park'],
    }),
    ...workersOnly(),
  },

  // Taking a cover away; giving one needs the caller's own upload (test/functions/covers.test.ts).
  {
    fn: 'corners',
    action: 'setCover',
    payload: () => ({ id: 'corner-shiji-park', fileID: null }),
    ...workersOnly(),
  },
  {
    fn: 'corners',
    action: 'setProjectCover',
    payload: () => ({ id: 'project-xiaomianao', fileID: null }),
    ...workersOnly(),
  },

  // activities
  { fn: 'activities', action: 'list', payload: () => ({ limit: 5 }), expect: {}, otherwise: 'ok' },
  // The 活动 list: residents, volunteers and anyone who opens the tab or a corner, every filter at once.
  { fn: 'activities', action: 'find', payload: () => ({ limit: 5 }), expect: {}, otherwise: 'ok' },
  {
    fn: 'activities',
    action: 'find',
    payload: () => ({
      category: 'family',
      cornerId: 'corner-wanda-plaza',
      q: '老人',
      near: { lat: 38.04, lng: 114.52 },
      limit: 5,
    }),
    expect: {},
    otherwise: 'ok',
  },
  {
    fn: 'activities',
    action: 'get',
    payload: async (f) => ({ id: (await f.activity('open')).id }),
    expect: {},
    otherwise: 'ok',
  },
  { fn: 'activities', action: 'mine', payload: () => ({}), expect: everyoneLoggedIn, otherwise: 'ok' },
  {
    fn: 'activities',
    action: 'upsert',
    payload: () => ({
      title: '测试活动',
      location: '世纪公园东门',
      startAt: Date.now() + 86_400_000,
      endAt: Date.now() + 90_000_000,
      capacity: 10,
    }),
    ...workersOnly(),
  },
  {
    fn: 'activities',
    action: 'signup',
    payload: async (f) => ({ id: (await f.activity('open')).id }),
    expect: everyoneLoggedIn,
    otherwise: 'ok',
  },
  {
    fn: 'activities',
    action: 'cancel',
    payload: async (f) => ({ id: (await f.activity('signed')).id }),
    expect: { anonymous: 'unauthenticated', owner: 'ok' },
    otherwise: 'permission-denied',
  },
  {
    fn: 'activities',
    action: 'checkinCode',
    payload: async (f) => ({ id: (await f.activity('open')).id }),
    ...workersOnly(),
  },
  {
    fn: 'activities',
    action: 'posterCode',
    payload: async (f) => ({ id: (await f.activity('open')).id }),
    ...workersOnly(),
  },
  {
    fn: 'activities',
    action: 'setCover',
    payload: async (f) => ({ id: (await f.activity('open')).id, fileID: null }),
    ...workersOnly(),
  },
  {
    fn: 'activities',
    action: 'checkin',
    payload: async (f) => f.activity('signed'),
    expect: { anonymous: 'unauthenticated', owner: 'ok' },
    otherwise: 'permission-denied',
  },
  {
    fn: 'activities',
    action: 'checkout',
    payload: async (f) => f.activity('checked-in'),
    expect: { anonymous: 'unauthenticated', owner: 'ok' },
    otherwise: 'permission-denied',
  },
  {
    fn: 'activities',
    action: 'attendance',
    payload: async (f) => ({ id: (await f.activity('signed')).id }),
    ...workersOnly(),
  },
  {
    fn: 'activities',
    action: 'confirm',
    payload: async (f) => ({ id: (await f.activity('checked-out')).id, openid: OPENIDS.owner }),
    ...workersOnly(),
  },
  // care: 张桂芹 (`volunteer`) is a member of the demo 3502 team; 陈志强 (`otherVolunteer`) captains another team.
  {
    fn: 'care',
    action: 'upsertTeam',
    payload: () => ({ name: '测试服务队', captainOpenid: 'demo-neighbour-07' }),
    ...workersOnly(),
  },
  { fn: 'care', action: 'teams', payload: () => ({}), expect: everyoneLoggedIn, otherwise: 'ok' },
  {
    fn: 'care',
    action: 'addMember',
    payload: () => ({ teamId: CARE_TEAM, openid: 'demo-neighbour-10' }),
    ...workersOnly(),
  },
  {
    fn: 'care',
    action: 'removeMember',
    payload: async (f) => {
      await f.call(
        'care',
        { action: 'addMember', teamId: CARE_TEAM, openid: 'demo-neighbour-10' },
        OPENIDS.worker,
      )
      return { teamId: CARE_TEAM, openid: 'demo-neighbour-10' }
    },
    ...workersOnly(),
  },
  {
    fn: 'care',
    action: 'upsertRecipient',
    payload: () => NEW_RECIPIENT,
    ...workersOnly(),
    seesContact: ['worker'],
  },
  {
    fn: 'care',
    action: 'archiveRecipient',
    payload: async (f) => {
      const made = await f.call<{ id: string }>('care', NEW_RECIPIENT_CALL, OPENIDS.worker)
      return { id: made.data!.id, reason: 'moved' }
    },
    ...workersOnly(),
    seesContact: ['worker'],
  },
  {
    fn: 'care',
    action: 'recipients',
    payload: () => ({ teamId: CARE_TEAM }),
    ...careTeamOnly('permission-denied'),
  },
  {
    fn: 'care',
    action: 'recipient',
    payload: () => ({ id: CARE_RECIPIENT }),
    ...careTeamOnly('not-found'),
  },
  {
    fn: 'care',
    action: 'logVisit',
    payload: (f) => ({
      recipientId: CARE_RECIPIENT,
      at: Date.now() - 60_000,
      minutes: 30,
      kind: 'door',
      wellbeing: 'well',
      note: '精神不错',
      idempotencyKey: f.key(),
    }),
    ...careTeamOnly('not-found'),
  },
  {
    fn: 'care',
    action: 'confirmVisit',
    // A visit of the member's: the worker confirms it; the member, one of its visitors, may not.
    payload: async (f) => {
      const visit = {
        action: 'logVisit',
        recipientId: CARE_RECIPIENT,
        at: Date.now() - 60_000,
        minutes: 30,
        kind: 'door',
        wellbeing: 'well',
        idempotencyKey: f.key(),
      }
      const made = await f.call<{ id: string }>('care', visit, OPENIDS.volunteer)
      return { id: made.data!.id }
    },
    expect: { anonymous: 'unauthenticated', worker: 'ok', volunteer: 'permission-denied' },
    otherwise: 'not-found',
  },
  { fn: 'care', action: 'due', payload: () => ({ teamId: CARE_TEAM }), ...careTeamOnly('permission-denied') },
  { fn: 'care', action: 'overview', payload: () => ({}), ...workersOnly(), seesContact: ['worker'] },
  { fn: 'care', action: 'doorCode', payload: () => ({ id: CARE_RECIPIENT }), ...workersOnly() },
  // The station's figures: a month of day counters and the overdue count, for workers only.
  {
    fn: 'report',
    action: 'summary',
    payload: () => ({ from: Date.now() - 30 * 86_400_000, to: Date.now() }),
    ...workersOnly(),
  },
  { fn: 'report', action: 'trend', payload: () => ({ months: 24 }), ...workersOnly() },
  // The station's Excel files: one call each here (the demo's rows fit in one), workers only.
  ...(['summary', 'needs', 'volunteers', 'settlement'] as const).map((kind) => ({
    fn: 'report',
    action: 'export',
    payload: () => ({
      kind,
      from: Date.now() - 300 * 86_400_000,
      to: Date.now() + 30 * 86_400_000,
      ...(kind === 'needs' ? { contact: true } : {}),
    }),
    ...workersOnly(),
  })),
  {
    fn: 'report',
    action: 'export',
    payload: async (f) => ({ kind: 'attendance', activityId: (await f.activity('signed')).id }),
    ...workersOnly(),
  },
]
