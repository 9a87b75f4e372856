/**
 * The app's lists and gets as the collections behind them grow to 1,000, 10,000 and 100,000 documents:
 * latency over /fn and database operations per call, next to one query of the same collection that no
 * index can serve (a full scan). Indexed latency should stay flat while the full scan grows with the
 * collection (care_recipients spread over 100 teams). The demo people stay, so every call has a real caller; the generated documents are shaped as
 * the functions write them (types/records.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { type Emulator } from '../test/helpers/emulator'
import { connectSdk } from '../test/helpers/sdk'
import { idFor } from '../server/points-math'
import { NEED_CATEGORIES, type NeedCategory, type NeedStatus } from '../types/needs'
import { PROJECT_CATEGORIES } from '../types/corners'
import { CIVIC_RULES, type EntryKind } from '../types/points'
import { ORDER_HOLD_MS, type MerchantKind, type OrderStatus } from '../types/mall'
import { shanghaiMonth } from '../types/time'
import type { VolunteerStatus } from '../types/user'
import { emptyPoints } from '../types/records'
import { DEFAULT_VISIT_EVERY_DAYS, nextDueAt, type Risk } from '../types/care'
import { mulberry32 as random } from '../test/helpers/random'
import { percentile, section } from './lib'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const SIZES = [1_000, 10_000, 100_000] as const
/** Collections generated up to 100,000; the others stop at 10,000 to keep the section within minutes. */
const LARGE = new Set(['needs', 'ledger', 'orders'])
const BATCH = 1_000
/** Serial calls measured per action and size (after a few warm-up calls). */
const CALLS = 50
const WARMUP = 20

const RESIDENT = 'demo-resident-wang'
const VOLUNTEER = 'demo-volunteer-zhang'
const WORKER = 'demo-worker-liu'
const MERCHANT = 'demo-merchant-zhou'
const MERCHANT_SHOP = 'shop-huimin'

// ------------------------------------------------------------------ generated documents

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1))
const pad = (n: number) => String(n).padStart(6, '0')

/** One of the choices, each as likely as its weight. */
function weighted<T>(r: () => number, choices: Array<[T, number]>): T {
  let roll = r() * choices.reduce((s, [, w]) => s + w, 0)
  for (const [choice, w] of choices) if ((roll -= w) < 0) return choice
  return choices[choices.length - 1][0]
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'
const GIVEN =
  '秀英 桂兰 淑珍 建国 志强 丽华 明 玉芳 海燕 玉梅 春生 文静 伟 红霞 凤兰 德华 国庆 小军 淑芬 俊杰'.split(' ')
const COMMUNITIES =
  '道义街3502社区 槐中路社区 建华南大街社区 体育南大街社区 塔南路社区 翟营南大街社区 东岗路社区 裕翔街社区'.split(
    ' ',
  )

const personName = (r: () => number) => `${pick(r, [...SURNAMES])}${pick(r, GIVEN)}`
/** The generated people: residents of the district who are not demo identities. */
const PEOPLE = 5_000
const genOpenid = (n: number) => `gen-user-${pad(n % PEOPLE)}`

const NEED_TITLES: Record<NeedCategory, string[]> = {
  elderly: ['帮忙买一周的菜', '想请人陪我去银行', '帮老人取药'],
  disability: ['轮椅推不上坡，想请人帮忙', '需要人帮忙读信'],
  errand: ['帮忙交水电费', '代取快递', '帮忙去社区开证明'],
  companionship: ['老伴住院了，想找人说说话', '周末想请人陪着下棋'],
  repair: ['厨房灯泡坏了', '水龙头一直滴水', '纱窗破了想换'],
  medical: ['想请人陪我去医院复查', '帮忙在网上挂号'],
  counselling: ['最近睡不好，想找人聊聊', '孩子不在身边，心里发慌'],
  other: ['想学用智能手机', '楼道里堆了杂物，想请人帮忙清理'],
}

function needDoc(n: number, now: number): Record<string, unknown> {
  const r = random(0x1001 + n * 7919)
  const category = pick(r, NEED_CATEGORIES)
  // The newest few hundred needs are still moving; older ones are closed, as in a district after years.
  const status: NeedStatus =
    n < 500
      ? weighted<NeedStatus>(r, [
          ['pending', 15],
          ['open', 25],
          ['assigned', 15],
          ['done', 10],
          ['confirmed', 25],
          ['cancelled', 5],
          ['rejected', 5],
        ])
      : weighted<NeedStatus>(r, [
          ['confirmed', 80],
          ['cancelled', 12],
          ['rejected', 8],
        ])
  const mine = n % 25 === 0 && n < 750
  const requester = mine
    ? { openid: RESIDENT, nickname: '王秀英' }
    : { openid: genOpenid(n), nickname: personName(r) }
  const served = status === 'assigned' || status === 'done' || status === 'confirmed'
  const assignee = served
    ? r() < 0.2
      ? { openid: VOLUNTEER, nickname: '张桂芹' }
      : { openid: genOpenid(n * 31 + 7), nickname: personName(r) }
    : null
  const createdAt = now - (n + 1) * 20 * MINUTE - int(r, 0, 59_999)
  const finished = status === 'done' || status === 'confirmed'
  return {
    _id: `need-gen-${pad(n)}`,
    category,
    title: pick(r, NEED_TITLES[category]),
    description: '腿脚不方便，家里只有我一个人，麻烦邻居帮帮忙，谢谢！',
    urgency: r() < 0.1 ? 'urgent' : 'normal',
    status,
    requester,
    onBehalfOf: r() < 0.05 ? { name: personName(r) } : null,
    assignee,
    points: 10,
    preferredTime: pick(r, ['明天上午', '周末', '越快越好', '']),
    minutes: finished ? int(r, 20, 180) : null,
    completionNote: finished ? '已经帮忙办好了' : '',
    rating: status === 'confirmed' ? int(r, 3, 5) : null,
    comment: status === 'confirmed' ? '谢谢小伙子，很热心' : '',
    rejectReason: status === 'rejected' ? '不属于志愿服务范围，已转给物业' : '',
    cancelReason: status === 'cancelled' ? '家里人回来了，不用了' : '',
    address: `${pick(r, COMMUNITIES)}${int(r, 1, 30)}栋${int(r, 1, 4)}单元${int(r, 1, 6)}0${int(r, 1, 4)}`,
    contactPhone: `13${int(r, 0, 9)}${String(int(r, 0, 99_999_999)).padStart(8, '0')}`,
    reviewedBy: status === 'pending' ? null : WORKER,
    creditEntryId: status === 'confirmed' ? idFor(`entry:need:gen-${n}`) : null,
    createdAt,
    updatedAt: createdAt + (status === 'pending' ? 0 : int(r, HOUR, 3 * DAY)),
  }
}

function ledgerDoc(n: number, now: number): Record<string, unknown> {
  const r = random(0x2002 + n * 104_729)
  const mine = n % 16 === 0 && n < 960
  const kind = weighted<EntryKind>(r, [
    ['need', 35],
    ['activity', 25],
    ['civic', 20],
    ['deduction', 5],
    ['redemption', 15],
  ])
  const civic = pick(
    r,
    CIVIC_RULES.filter((c) => (kind === 'deduction' ? c.delta < 0 : c.delta > 0)),
  )
  const delta =
    kind === 'need'
      ? int(r, 10, 20)
      : kind === 'activity'
        ? int(r, 10, 40)
        : kind === 'redemption'
          ? -int(r, 20, 300)
          : civic.delta
  return {
    _id: idFor(`entry:gen:${n}`),
    openid: mine ? RESIDENT : genOpenid(n),
    delta,
    kind,
    refId: kind === 'civic' || kind === 'deduction' ? civic.id : `gen-ref-${pad(n)}`,
    note: kind === 'civic' || kind === 'deduction' ? civic.title : '',
    operator: kind === 'civic' || kind === 'deduction' ? WORKER : 'system',
    createdAt: now - (n + 1) * 7 * MINUTE - int(r, 0, 59_999),
    balanceAfter: int(r, 0, 2_000),
    name: mine ? '王秀英' : personName(r),
    public: kind === 'civic' || kind === 'deduction',
    fingerprint: `gen:${n}`,
  }
}

interface RewardRef {
  _id: string
  merchantId: string
  merchantName: string
  title: string
  cost: number
}

function orderDoc(
  n: number,
  now: number,
  rewards: RewardRef[],
  staff: Map<string, string>,
): Record<string, unknown> {
  const r = random(0x3003 + n * 15_485_863)
  const reward = rewards[n % rewards.length]
  const createdAt = now - (n + 1) * 10 * MINUTE - int(r, 0, 59_999)
  // Held orders are the last two days' (older ones would have expired after 7 days).
  const status =
    n < 300
      ? weighted<OrderStatus>(r, [
          ['held', 40],
          ['redeemed', 50],
          ['cancelled', 10],
        ])
      : weighted<OrderStatus>(r, [
          ['redeemed', 85],
          ['cancelled', 8],
          ['expired', 7],
        ])
  const mine = n % 40 === 0 && n < 1_000
  const redeemedAt = status === 'redeemed' ? createdAt + int(r, 10 * MINUTE, 3 * DAY) : null
  return {
    _id: `order-gen-${pad(n)}`,
    openid: mine ? RESIDENT : genOpenid(n),
    customerName: mine ? '王秀英' : personName(r),
    rewardId: reward._id,
    rewardTitle: reward.title,
    merchantId: reward.merchantId,
    merchantName: reward.merchantName,
    cost: reward.cost,
    status,
    codeNonce: null,
    codeExpiresAt: null,
    createdAt,
    expiresAt: createdAt + ORDER_HOLD_MS,
    redeemedAt,
    redeemedBy: redeemedAt ? (staff.get(reward.merchantId) ?? null) : null,
    redeemedByName: redeemedAt ? '店员' : null,
    closedAt: status === 'cancelled' || status === 'expired' ? createdAt + int(r, HOUR, 7 * DAY) : null,
    entryId: redeemedAt ? idFor(`entry:redeem:order-gen-${pad(n)}`) : null,
  }
}

function userDoc(n: number, now: number): Record<string, unknown> {
  const r = random(0x4004 + n * 6_700_417)
  const openid = `gen-user-${pad(n)}`
  const appliedAt = now - (n + 1) * 17 * MINUTE
  // Most residents never apply to volunteer.
  const status = weighted<VolunteerStatus | null>(r, [
    ['pending', 3],
    ['approved', 15],
    ['rejected', 2],
    [null, 80],
  ])
  const name = personName(r)
  const phone = `13${int(r, 0, 9)}${String(int(r, 0, 99_999_999)).padStart(8, '0')}`
  const earned = int(r, 0, 800)
  const spent = Math.min(earned, int(r, 0, 300))
  const thisMonth = r() < 0.3
  return {
    _id: openid,
    openid,
    roles: status === 'approved' ? ['resident', 'volunteer'] : ['resident'],
    nickname: name,
    phone: r() < 0.7 ? phone : null,
    community: pick(r, COMMUNITIES),
    address: null,
    elderMode: r() < 0.15,
    volunteer: status
      ? {
          status,
          realName: name,
          phone,
          skills: [pick(r, ['陪伴聊天', '代买代办', '助医陪诊', '家电维修', '驾驶', '理发'])],
          appliedAt,
          reviewedAt: status === 'pending' ? null : appliedAt + DAY,
          reviewedBy: status === 'pending' ? null : WORKER,
          reason: status === 'rejected' ? '请补充联系电话' : null,
        }
      : null,
    merchantId: null,
    points: {
      ...emptyPoints(),
      balance: earned - spent,
      earned,
      spent,
      month: thisMonth ? shanghaiMonth(now) : shanghaiMonth(now - 40 * DAY),
      monthEarned: thisMonth ? int(r, 1, 120) : int(r, 0, 60),
    },
    createdAt: appliedAt - DAY,
    updatedAt: appliedAt,
  }
}

const REWARD_TITLES = [
  '鲁花花生油 1L',
  '土鸡蛋 一板',
  '五常大米 5kg',
  '免费量血压、测血糖',
  '家电上门检测一次',
  '洗衣液 2kg',
  '挂面 两把',
]

function rewardDoc(
  n: number,
  now: number,
  shops: Array<{ _id: string; name: string; kind: MerchantKind }>,
): Record<string, unknown> {
  const r = random(0x5005 + n * 49_979_687)
  const shop = shops[n % shops.length]
  const stockTotal = int(r, 10, 200)
  const createdAt = now - (n + 1) * 3 * HOUR
  return {
    _id: `reward-gen-${pad(n)}`,
    merchantId: shop._id,
    merchantKind: shop.kind,
    merchantName: shop.name,
    merchantActive: true,
    title: pick(r, REWARD_TITLES),
    cost: int(r, 2, 50) * 10,
    stock: int(r, 0, stockTotal),
    stockTotal,
    perUserLimit: int(r, 1, 3),
    active: r() < 0.75,
    createdAt,
    updatedAt: createdAt,
  }
}

function projectDoc(n: number, now: number, corners: string[]): Record<string, unknown> {
  const r = random(0x6006 + n * 86_028_121)
  const updatedAt = now - (n + 1) * 2 * HOUR
  return {
    _id: `project-gen-${pad(n)}`,
    title: `${pick(r, ['暖心', '守望', '同行', '微光', '邻里'])}${pick(r, ['助老', '伴读', '义剪', '环保', '复听'])}计划`,
    org: `${pick(r, ['裕华区', '石家庄市', '槐底街道'])}${pick(r, ['志愿者协会', '社工服务中心', '青年志愿服务队'])}`,
    category: pick(r, PROJECT_CATEGORIES),
    summary: '每周末在公益角为居民提供服务',
    description: '由专业社工带领志愿者，在公益角定期开展服务，欢迎居民报名参与。',
    cornerIds: corners.length ? [pick(r, corners)] : [],
    status: r() < 0.8 ? 'active' : 'archived',
    createdAt: updatedAt - 30 * DAY,
    updatedAt,
    updatedBy: WORKER,
  }
}

const ACTIVITY_TITLES = ['公益角义剪', '陪老人逛公园', '社区环境整治', '文明劝导', '助老体检']

/**
 * The n-th generated activity's title and window: one every two hours, from 45 days ahead backwards, so
 * the first ~540 have not ended and the rest are history. Sign-ups copy them.
 */
function activityWindow(n: number, now: number): { title: string; startAt: number; endAt: number } {
  const startAt = Math.floor((now + 45 * DAY - n * 2 * HOUR) / HOUR) * HOUR
  return {
    title: ACTIVITY_TITLES[n % ACTIVITY_TITLES.length],
    startAt,
    endAt: startAt + (1 + (n % 3)) * HOUR,
  }
}

function activityDoc(n: number, now: number, projects: string[]): Record<string, unknown> {
  const r = random(0x7007 + n * 32_452_843)
  const { title, startAt, endAt } = activityWindow(n, now)
  const capacity = int(r, 10, 50)
  return {
    _id: `activity-gen-${pad(n)}`,
    projectId: projects.length && r() < 0.8 ? pick(r, projects) : null,
    cornerId: null,
    title,
    location: `${pick(r, ['世纪公园', '裕彤体育公园', '万达广场'])}公益角`,
    startAt,
    endAt,
    capacity,
    signedUp: int(r, 0, capacity),
    pointsPerHour: 10,
    status: startAt < now ? 'closed' : 'open',
    createdBy: WORKER,
    createdAt: startAt - 14 * DAY,
    updatedAt: startAt - 14 * DAY,
  }
}

function signupDoc(n: number, now: number): Record<string, unknown> {
  const r = random(0x8008 + n * 122_949_829)
  const mine = n % 33 === 0 && n < 990
  const openid = mine ? VOLUNTEER : `gen-user-${pad(n)}`
  const activity = Math.floor(n / 4)
  const { title, startAt, endAt } = activityWindow(activity, now)
  const past = endAt <= now
  const state = past
    ? pick(r, ['confirmed', 'confirmed', 'checked-out', 'cancelled'])
    : r() < 0.9
      ? 'signed'
      : 'cancelled'
  const attended = state === 'confirmed' || state === 'checked-out'
  return {
    _id: `activity-gen-${pad(activity)}:${openid}`,
    activityId: `activity-gen-${pad(activity)}`,
    openid,
    name: mine ? '张桂芹' : personName(r),
    title,
    startAt,
    endAt,
    pointsPerHour: 10,
    activityStatus: 'open',
    state,
    signedAt: startAt - int(r, 1, 10) * DAY,
    cancelledAt: state === 'cancelled' ? startAt - DAY : null,
    checkinAt: attended ? startAt : null,
    checkoutAt: attended ? endAt : null,
    minutes: state === 'confirmed' ? (endAt - startAt) / MINUTE : null,
    points: state === 'confirmed' ? ((endAt - startAt) / HOUR) * 10 : null,
    entryId: state === 'confirmed' ? idFor(`entry:activity:gen-${n}`) : null,
    confirmedBy: state === 'confirmed' ? WORKER : null,
    confirmedAt: state === 'confirmed' ? endAt + HOUR : null,
    updatedAt: startAt,
  }
}

/** The demo 爱心敲门 team whose captain the care probes call as; one generated recipient in 100 is theirs. */
const CARE_CAPTAIN = 'demo-captain-zhang'
const CARE_TEAM = 'demo-care-team-3502'
const CARE_TEAMS = 100

function recipientDoc(n: number, now: number): Record<string, unknown> {
  const r = random(0x4004 + n * 7_368_787)
  const risk = weighted<Risk>(r, [
    ['high', 30],
    ['medium', 40],
    ['low', 30],
  ])
  const visitEveryDays = DEFAULT_VISIT_EVERY_DAYS[risk]
  const createdAt = now - int(r, 30, 400) * DAY
  const lastVisitAt = r() < 0.9 ? now - int(r, 0, visitEveryDays * 2) * DAY - int(r, 0, DAY - 1) : null
  const archived = r() < 0.05
  const base = { lastVisitAt, createdAt, visitEveryDays }
  return {
    _id: `recipient-gen-${pad(n)}`,
    name: personName(r),
    gender: r() < 0.6 ? 'female' : 'male',
    birthYear: 1930 + int(r, 0, 25),
    community: pick(r, COMMUNITIES),
    address: `${pick(r, COMMUNITIES)}${int(r, 1, 30)}栋${int(r, 1, 4)}单元${int(r, 1, 6)}0${int(r, 1, 4)}`,
    phone: `13${int(r, 0, 9)}${String(int(r, 0, 99_999_999)).padStart(8, '0')}`,
    emergencyContact: null,
    circumstances: [pick(r, ['独居', '空巢', '孤寡', '高龄', '失能', '残疾', '低保'])],
    risk,
    visitEveryDays,
    teamId: n % CARE_TEAMS === 0 ? CARE_TEAM : `care-team-gen-${pad(n % CARE_TEAMS)}`,
    notes: '',
    status: archived ? 'archived' : 'active',
    archiveReason: archived ? 'moved' : null,
    archivedAt: archived ? now - DAY : null,
    lastVisitAt,
    lastNote: lastVisitAt === null ? '' : '精神不错',
    lastWellbeing: lastVisitAt === null ? null : 'well',
    nextDueAt: nextDueAt(base),
    doorVersion: 1,
    consentAt: createdAt,
    registeredBy: WORKER,
    createdAt,
    updatedAt: lastVisitAt ?? createdAt,
  }
}

// ------------------------------------------------------------------ measuring

interface Dataset {
  collection: string
  make: (n: number) => Record<string, unknown>
  /** A field no index holds, for the full-scan comparison. */
  unindexed: string
  max: number
  inserted: number
}

interface Probe {
  label: string
  collection: string
  fn: string
  data: object
  openid?: string
}

interface Measured {
  p50: number
  p99: number
  reads: number
  writes: number
  failure: string
}

async function measure(emu: Emulator, probe: Probe): Promise<Measured> {
  const first = await emu.callRaw(probe.fn, probe.data, probe.openid)
  const failure = first.body.ok ? '' : `${first.body.code}: ${first.body.message}`
  for (let i = 0; i < WARMUP; i++) await emu.callRaw(probe.fn, probe.data, probe.openid)
  const samples: number[] = []
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now()
    await emu.callRaw(probe.fn, probe.data, probe.openid)
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    reads: first.reads,
    writes: first.writes,
    failure,
  }
}

async function fullScans(emu: Emulator): Promise<Record<string, number>> {
  const res = await fetch(`${emu.url}/__emulator/stats`)
  return ((await res.json()) as { fullScans: Record<string, number> }).fullScans
}

function grew(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [coll, n] of Object.entries(after))
    if (n > (before[coll] ?? 0)) out[coll] = n - (before[coll] ?? 0)
  return out
}

/** Runs `work` without the SDK's "longer than 3s" warnings (a full scan is slow on purpose). */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const warn = console.warn
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).startsWith('[TCB][WARN]')) warn(...args)
  }
  try {
    return await work()
  } finally {
    console.warn = warn
  }
}

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1)).padStart(7)
const count = (n: number) => n.toLocaleString('en')

export async function benchScale(emu: Emulator): Promise<void> {
  const started = performance.now()
  await emu.reset('demo')
  const { cloud, db } = connectSdk(emu.url)
  // A full scan of 100,000 documents takes longer than the SDK's default 15 s limit.
  const slowDb = cloud.createNewInstance({ env: cloud.DYNAMIC_CURRENT_ENV, timeout: 600_000 }).database()
  const now = await emu.advanceClock(0)

  // What the demo holds that generated documents refer to (read before any measuring).
  const shops = (await db.collection('merchants').limit(100).get()).data as Array<{
    _id: string
    name: string
    kind: MerchantKind
  }>
  const rewards = (await db.collection('rewards').where({ active: true }).limit(100).get())
    .data as RewardRef[]
  const staff = new Map<string, string>()
  for (const u of (
    await db
      .collection('users')
      .where({ merchantId: db.command.neq(null) })
      .limit(100)
      .get()
  ).data as Array<{ openid: string; merchantId: string }>)
    staff.set(u.merchantId, u.openid)
  const root = path.resolve(__dirname, '..', 'cloudfunctions')
  const hasActivities = fs.existsSync(path.join(root, 'activities', 'index.js'))
  const hasCorners = fs.existsSync(path.join(root, 'corners', 'index.js'))
  const hasCare = fs.existsSync(path.join(root, 'care', 'index.js'))
  const corners = hasCorners
    ? ((await db.collection('corners').limit(100).get()).data as Array<{ _id: string }>).map((c) => c._id)
    : []
  const projectIds = hasCorners
    ? ((await db.collection('projects').limit(100).get()).data as Array<{ _id: string }>).map((p) => p._id)
    : []

  const dataset = (collection: string, unindexed: string, make: Dataset['make']): Dataset => ({
    collection,
    make,
    unindexed,
    max: LARGE.has(collection) ? 100_000 : 10_000,
    inserted: 0,
  })
  const datasets: Dataset[] = [
    dataset('needs', 'title', (n) => needDoc(n, now)),
    dataset('ledger', 'note', (n) => ledgerDoc(n, now)),
    dataset('orders', 'rewardTitle', (n) => orderDoc(n, now, rewards, staff)),
    dataset('users', 'nickname', (n) => userDoc(n, now)),
    dataset('rewards', 'title', (n) => rewardDoc(n, now, shops)),
  ]
  if (hasCorners) datasets.push(dataset('projects', 'title', (n) => projectDoc(n, now, corners)))
  if (hasActivities)
    datasets.push(
      dataset('activities', 'title', (n) => activityDoc(n, now, projectIds)),
      dataset('signups', 'name', (n) => signupDoc(n, now)),
    )
  if (hasCare) datasets.push(dataset('care_recipients', 'name', (n) => recipientDoc(n, now)))

  const probe = (label: string, collection: string, fn: string, data: object, openid?: string): Probe => ({
    label,
    collection,
    fn,
    data,
    openid,
  })
  const probes: Probe[] = [
    probe('needs.list pool (volunteer)', 'needs', 'needs', { action: 'list', scope: 'pool' }, VOLUNTEER),
    probe('needs.list mine (resident)', 'needs', 'needs', { action: 'list', scope: 'mine' }, RESIDENT),
    probe('needs.list review (worker)', 'needs', 'needs', { action: 'list', scope: 'review' }, WORKER),
    probe('needs.get (worker)', 'needs', 'needs', { action: 'get', id: 'need-gen-000400' }, WORKER),
    probe('points.ledger (resident)', 'ledger', 'points', { action: 'ledger' }, RESIDENT),
    probe('points.board month (anyone)', 'ledger', 'points', { action: 'board' }),
    probe('mall.orders mine (resident)', 'orders', 'mall', { action: 'orders', scope: 'mine' }, RESIDENT),
    probe(
      'mall.orders shop, redeemed (merchant)',
      'orders',
      'mall',
      { action: 'orders', scope: 'merchant', status: 'redeemed' },
      MERCHANT,
    ),
    probe('user.listVolunteers pending (worker)', 'users', 'user', { action: 'listVolunteers' }, WORKER),
    probe('mall.catalog (anyone)', 'rewards', 'mall', { action: 'catalog' }),
  ]
  if (hasActivities)
    probes.push(
      probe('activities.list upcoming (anyone)', 'activities', 'activities', { action: 'list' }),
      probe(
        'activities.list upcoming (volunteer)',
        'activities',
        'activities',
        { action: 'list' },
        VOLUNTEER,
      ),
      probe('activities.mine upcoming (volunteer)', 'signups', 'activities', { action: 'mine' }, VOLUNTEER),
    )
  if (hasCorners)
    probes.push(probe('corners.listProjects (anyone)', 'projects', 'corners', { action: 'listProjects' }))
  if (hasCare)
    probes.push(
      probe('care.due (captain)', 'care_recipients', 'care', { action: 'due' }, CARE_CAPTAIN),
      probe(
        'care.recipients team (captain)',
        'care_recipients',
        'care',
        { action: 'recipients', teamId: CARE_TEAM },
        CARE_CAPTAIN,
      ),
      probe(
        'care.recipients overdue (worker)',
        'care_recipients',
        'care',
        { action: 'recipients', overdue: true },
        WORKER,
      ),
    )
  if (!staff.has(MERCHANT_SHOP)) throw new Error(`the demo seed has no staff for ${MERCHANT_SHOP}`)

  // Skip a function that does not answer (not built, or broken) rather than print nonsense for it.
  const skipped: string[] = []
  for (const fn of new Set(probes.map((p) => p.fn))) {
    const res = await emu.callRaw(fn, { action: '__probe__' })
    if (res.status === 404) skipped.push(fn)
  }
  const live = probes.filter((p) => !skipped.includes(p.fn))

  const demo = new Map<string, number>()
  for (const d of datasets)
    demo.set(d.collection, (await db.collection(d.collection).count()).total as number)

  const upTo = (large: boolean) =>
    datasets
      .filter((d) => d.max >= 100_000 === large)
      .map((d) => d.collection)
      .join(', ')
  section(
    `Lists and gets as collections grow (serial calls over /fn, ${CALLS} per action and size; ` +
      `${upTo(true)} grow to 100,000 documents, ${upTo(false)} to 10,000)`,
  )
  if (skipped.length) console.log(`  skipped (function not available): ${skipped.join(', ')}`)
  const summary = new Map<string, string[]>()
  const scanSummary = new Map<string, string[]>()
  const ratios = new Map<string, string[]>()

  for (const size of SIZES) {
    const fillStarted = performance.now()
    for (const d of datasets) {
      const goal = Math.min(size, d.max)
      while (d.inserted < goal) {
        const batch = Array.from({ length: Math.min(BATCH, goal - d.inserted) }, (_v, j) =>
          d.make(d.inserted + j),
        )
        await db.collection(d.collection).add({ data: batch })
        d.inserted += batch.length
      }
    }
    const fillMs = performance.now() - fillStarted
    const sizes = datasets
      .map((d) => `${d.collection} ${count(d.inserted + demo.get(d.collection)!)}`)
      .join(', ')
    console.log(
      `\n  at ${count(size)} generated documents per collection (filled in ${(fillMs / 1000).toFixed(1)} s): ${sizes}`,
    )
    console.log(
      `  ${'action'.padEnd(40)} ${'docs'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}  reads writes`,
    )

    const before = await fullScans(emu)
    const indexedP50 = new Map<string, number[]>()
    for (const probe of live) {
      const d = datasets.find((x) => x.collection === probe.collection)!
      const m = await measure(emu, probe)
      const docs = d.inserted + demo.get(d.collection)!
      console.log(
        `  ${probe.label.padEnd(40)} ${count(docs).padStart(8)} ${fmt(m.p50)} ${fmt(m.p99)}  ${String(m.reads).padStart(5)} ${String(m.writes).padStart(6)}${m.failure ? `  FAILED ${m.failure}` : ''}`,
      )
      const line = summary.get(probe.label) ?? []
      line.push(`${fmt(m.p50)} (${count(docs)})`)
      summary.set(probe.label, line)
      indexedP50.set(probe.collection, [...(indexedP50.get(probe.collection) ?? []), m.p50])
    }
    const scansOfIndexed = grew(before, await fullScans(emu))
    console.log(
      `  GET /__emulator/stats, fullScans added by the calls above: ${JSON.stringify(scansOfIndexed)}` +
        (Object.keys(scansOfIndexed).length
          ? '  ← full scans by indexed actions!'
          : ' (none: every call used an index)'),
    )

    // The same collections read by a field no index holds: the emulator reads every row. One run at the
    // largest size (it takes seconds), otherwise the median of three.
    console.log(
      `  ${'full scan (SDK, unindexed equality)'.padEnd(40)} ${'docs'.padStart(8)} ${'ms'.padStart(7)}`,
    )
    const scanBefore = await fullScans(emu)
    for (const d of datasets) {
      const docs = d.inserted + demo.get(d.collection)!
      const runs: number[] = []
      for (let i = 0; i < (docs > 20_000 ? 1 : 3); i++) {
        const t = performance.now()
        await quietly(() =>
          slowDb
            .collection(d.collection)
            .where({ [d.unindexed]: '\u0000no such value' })
            .limit(1)
            .get(),
        )
        runs.push(performance.now() - t)
      }
      runs.sort((a, b) => a - b)
      const scanMs = percentile(runs, 50)
      console.log(
        `  ${`${d.collection} where ${d.unindexed} = …`.padEnd(40)} ${count(docs).padStart(8)} ${fmt(scanMs)}`,
      )
      const line = scanSummary.get(d.collection) ?? []
      line.push(`${fmt(scanMs)} (${count(docs)})`)
      scanSummary.set(d.collection, line)
      const p50s = (indexedP50.get(d.collection) ?? []).sort((a, b) => a - b)
      if (p50s.length) {
        const ratio = ratios.get(d.collection) ?? []
        ratio.push(`×${(scanMs / percentile(p50s, 50)).toFixed(0)}`.padStart(7))
        ratios.set(d.collection, ratio)
      }
    }
    const scanned = grew(scanBefore, await fullScans(emu))
    console.log(`  GET /__emulator/stats, fullScans added by the scans: ${JSON.stringify(scanned)}`)
  }

  console.log(`\n  p50 ms (documents in the collection) at each size — indexed actions should stay flat:`)
  for (const [label, line] of summary) {
    const p50s = line.map((cell) => Number.parseFloat(cell))
    const growth = Math.max(...p50s.slice(1)) / p50s[0]
    const flag = growth >= 2.5 ? `  ← grew ×${growth.toFixed(1)}: not flat` : ''
    console.log(`  ${label.padEnd(40)} ${line.join('  ')}${flag}`)
  }
  console.log(
    '  (fullScans counts table scans that no index narrows; an index walked end to end while most rows are\n' +
      '  filtered out is not counted there and shows only as growth above)',
  )
  console.log(`  full scan ms (documents) at each size — grows with the collection:`)
  for (const [coll, line] of scanSummary) console.log(`  ${coll.padEnd(40)} ${line.join('  ')}`)
  console.log(`  full scan ÷ median p50 of that collection's indexed actions (one scan, not a whole call):`)
  for (const [coll, line] of ratios) console.log(`  ${coll.padEnd(40)} ${line.join('  ')}`)
  console.log(`  section took ${((performance.now() - started) / 1000).toFixed(0)} s`)
}
