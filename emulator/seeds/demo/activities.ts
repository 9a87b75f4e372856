/**
 * Activities at the corners: the coming weeks' shifts at each corner's sessions (some nearly full, one
 * full), one going on now, and two that ended with sign-ups in every state — signed but absent, checked
 * in without checking out, checked out and waiting for a worker, and confirmed with the points credited
 * by the matching ledger entry. Places, agendas and ledger agree as the functions keep them: signedUp =
 * the sign-ups that hold a place, nobody holds two overlapping places, balance = Σ ledger.
 */
import { overlaps, servedMinutes, type ParticipationState } from '../../../types/activities'
import { nextSession, type Session } from '../../../types/corners'
import { activityPoints } from '../../../types/points'
import type {
  ActivityRecord,
  AgendaRecord,
  CornerRecord,
  LedgerRecord,
  ProjectRecord,
  SignupRecord,
  UserRecord,
} from '../../../types/records'
import { applyDelta, idFor } from '../../../server/points-math'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const SHANGHAI = 8 * HOUR

type Draft = [
  id: string,
  projectId: string | null,
  cornerId: string | null,
  title: string,
  /** Which session of the corner: 0 the next one (at least 3 hours away), 1 the one a week later… */
  week: number,
  capacity: number,
  /** Places already taken by neighbours. */
  taken: number,
]

const UPCOMING: Draft[] = [
  [
    'demo-act-xiaohongmao-1',
    'project-xiaohongmao',
    'corner-shiji-park',
    '“小红帽”志愿者招募与培训',
    0,
    20,
    3,
  ],
  ['demo-act-xiaomianao-1', 'project-xiaomianao', 'corner-wanda-plaza', '陪计生家庭老人逛公益角', 0, 10, 4],
  ['demo-act-yiduanpai-1', 'project-yiduanpai', 'corner-huaite-mall', '手机拍短片公益课', 0, 6, 6],
  ['demo-act-xingzou-1', 'project-xingzoushanhe', 'corner-minxinhe-park', '民心河畔公益健走5公里', 0, 30, 5],
  ['demo-act-shimen-1', 'project-shimenbaijing', 'corner-tabei-park', '寻访老石门：塔北老街拍照', 0, 15, 2],
  [
    'demo-act-qiaomen-1',
    'project-aixinqiaomen',
    'corner-yuhuadong-garden',
    '“爱心敲门”新队员见面会',
    0,
    12,
    3,
  ],
  ['demo-act-hongbei-1', 'project-hongbei', 'corner-lehui-city', '亲子烘焙：彩色奶油蛋糕', 0, 6, 5],
  ['demo-act-futing-1', 'project-qianrenfuting', 'corner-wanda-plaza', '助听器申领咨询与听力初筛', 1, 6, 4],
  [
    'demo-act-wuzhang-1',
    'project-wuzhangchuxing',
    'corner-yutong-park',
    '“搭把手”陪残疾朋友逛公园',
    0,
    10,
    2,
  ],
  ['demo-act-jiuye-1', 'project-jiuye', 'corner-yiyou-yuhua', '就业帮扶现场登记', 0, 10, 1],
  ['demo-act-jijiu-1', 'project-jijiuxianfeng', 'corner-songying-park', '心肺复苏急救培训', 0, 20, 6],
  ['demo-act-falv-1', 'project-falvguwen', 'corner-huaite-mall', '律师现场答疑：赡养与继承', 1, 8, 3],
  ['demo-act-lvse-1', 'project-lvsejiayuan', 'corner-fangbei-park', '垃圾分类游戏摊位志愿者', 0, 6, 2],
  ['demo-act-yizhen-1', 'project-jiankangyizhen', 'corner-shiji-park', '义诊协助：量血压和登记', 1, 6, 4],
  ['demo-act-hexiaoqing-1', 'project-hexiaoqing', 'corner-minxinhe-park', '民心河巡河捡垃圾', 1, 25, 4],
  ['demo-act-shuzi-1', 'project-yinlingshuzi', 'corner-tianshan-world', '教老人用手机挂号和视频', 0, 12, 3],
  ['demo-act-leling-1', 'project-leling', 'corner-zhaiying-garden', '乐龄合唱团公益角演出', 0, 30, 3],
  [
    'demo-act-fanzha-1',
    'project-fanzha',
    'corner-donggang-garden',
    '防诈骗宣传：发资料、装反诈软件',
    0,
    8,
    2,
  ],
  [
    'demo-act-tuoguan-1',
    'project-aixintuoguan',
    'corner-huaian-park',
    '“四点半课堂”招募辅导志愿者',
    0,
    10,
    1,
  ],
  [
    'demo-act-xiaohongmao-2',
    'project-xiaohongmao',
    'corner-songying-park',
    '“小红帽”陪老人逛公益角',
    1,
    15,
    1,
  ],
  ['demo-act-shimen-2', 'project-shimenbaijing', 'corner-yiyou-yuhua', '石门老照片展讲解', 1, 10, 0],
  ['demo-act-xingzou-2', 'project-xingzoushanhe', 'corner-lehui-city', '乐汇城夜间健走', 1, 20, 2],
  ['demo-act-yiduanpai-2', 'project-yiduanpai', 'corner-tabei-park', '拍拍身边的好邻居', 1, 8, 0],
  ['demo-act-chuanxi-1', 'project-chuanxi', 'corner-wanda-plaza', '孤独症知识宣传摊位', 2, 8, 1],
]

interface Placement {
  openid: string
  state: ParticipationState
  /** Minutes after the start; negative is before it. */
  checkinAfter?: number
  /** Minutes after the end; negative is before it. */
  checkoutAfter?: number
  minutes?: number
}

interface Fixed {
  id: string
  projectId: string
  cornerId: string
  title: string
  window: (now: number) => Session
  capacity: number
  people: Placement[]
}

/** Shanghai midnight of the day `daysAgo` days before `now`, plus `hours`. */
const dayAt = (now: number, daysAgo: number, hours: number) =>
  Math.floor((now + SHANGHAI) / DAY) * DAY - SHANGHAI - daysAgo * DAY + hours * HOUR

const FIXED: Fixed[] = [
  {
    id: 'demo-act-past-xiaohongmao',
    projectId: 'project-xiaohongmao',
    cornerId: 'corner-shiji-park',
    title: '“小红帽”陪老人逛公益角',
    window: (now) => ({ startAt: dayAt(now, 1, 9), endAt: dayAt(now, 1, 11.5), ongoing: false }),
    capacity: 10,
    people: [
      { openid: 'demo-volunteer-zhang', state: 'confirmed', checkinAfter: -8, checkoutAfter: 3 },
      { openid: 'demo-volunteer-chen', state: 'checked-out', checkinAfter: 5, checkoutAfter: -10 },
      { openid: 'demo-neighbour-01', state: 'checked-in', checkinAfter: 2 },
      { openid: 'demo-neighbour-04', state: 'signed' },
      { openid: 'demo-neighbour-09', state: 'cancelled' },
    ],
  },
  {
    id: 'demo-act-past-xingzou',
    projectId: 'project-xingzoushanhe',
    cornerId: 'corner-yutong-park',
    title: '行走山河·裕彤公园健走',
    window: (now) => ({ startAt: dayAt(now, 3, 15), endAt: dayAt(now, 3, 17.5), ongoing: false }),
    capacity: 20,
    people: [
      { openid: 'demo-neighbour-07', state: 'confirmed', checkinAfter: -5, checkoutAfter: 0 },
      { openid: 'demo-neighbour-10', state: 'confirmed', checkinAfter: 10, minutes: 120 },
      { openid: 'demo-resident-li', state: 'checked-out', checkinAfter: 0, checkoutAfter: -30 },
      { openid: 'demo-resident-zhao', state: 'signed' },
    ],
  },
  {
    id: 'demo-act-now-shimen',
    projectId: 'project-shimenbaijing',
    cornerId: 'corner-huaite-mall',
    title: '石门百景：老照片展现场讲解',
    window: (now) => {
      const startAt = Math.floor((now - 40 * MINUTE) / (10 * MINUTE)) * 10 * MINUTE
      return { startAt, endAt: startAt + 2 * HOUR, ongoing: true }
    },
    capacity: 10,
    people: [
      { openid: 'demo-resident-li', state: 'signed' },
      { openid: 'demo-volunteer-zhang', state: 'checked-in', checkinAfter: -5 },
      { openid: 'demo-neighbour-03', state: 'checked-in', checkinAfter: 3 },
      { openid: 'demo-neighbour-06', state: 'signed' },
    ],
  },
]

/** Who else signs up for the coming shifts, in turn (the demo identities too, for their 我的活动). */
const SIGNERS = [
  'demo-resident-li',
  'demo-resident-wang',
  ...Array.from({ length: 12 }, (_v, i) => `demo-neighbour-${String(i + 1).padStart(2, '0')}`),
  'demo-volunteer-chen',
]

/** The `week`-th session of the corner that starts at least three hours from now. */
function upcomingSession(corner: CornerRecord, week: number, now: number): Session {
  let session = nextSession(corner.schedule, now + 3 * HOUR)!
  while (session.startAt < now + 3 * HOUR) session = nextSession(corner.schedule, session.endAt)!
  for (let w = 0; w < week; w++) session = nextSession(corner.schedule, session.startAt + 6 * DAY)!
  return session
}

export interface DemoActivities {
  activities: ActivityRecord[]
  signups: SignupRecord[]
  agendas: AgendaRecord[]
  users: UserRecord[]
  ledger: LedgerRecord[]
}

export function demoActivities(
  corners: CornerRecord[],
  projects: ProjectRecord[],
  users: UserRecord[],
  ledger: LedgerRecord[],
  now: number,
): DemoActivities {
  const cornerById = new Map(corners.map((c) => [c._id, c]))
  const people = new Map(users.map((u) => [u.openid, { ...u, points: { ...u.points } }]))
  const entries = [...ledger]
  const activities: ActivityRecord[] = []
  const signups: SignupRecord[] = []
  // Credits are written last and newest, so each person's ledger ends at their balance.
  const creditedAt = now - 20 * MINUTE

  const newActivity = (
    id: string,
    projectId: string | null,
    cornerId: string | null,
    title: string,
    window: { startAt: number; endAt: number },
    capacity: number,
  ): ActivityRecord => {
    const corner = cornerId ? cornerById.get(cornerId) : undefined
    const record: ActivityRecord = {
      _id: id,
      projectId,
      cornerId,
      title,
      location: corner ? `${corner.name}公益角（${corner.address}）` : '东岗路社区活动中心门前',
      startAt: window.startAt,
      endAt: window.endAt,
      capacity,
      signedUp: 0,
      pointsPerHour: 10,
      status: 'open',
      createdBy: 'demo-worker-liu',
      createdAt: Math.min(now, window.startAt) - 5 * DAY,
      updatedAt: Math.min(now, window.startAt) - 5 * DAY,
    }
    activities.push(record)
    return record
  }

  const holds = (openid: string, a: { startAt: number; endAt: number }) =>
    signups.some((s) => s.openid === openid && s.state !== 'cancelled' && overlaps(s, a))

  const place = (activity: ActivityRecord, p: Placement): void => {
    const person = people.get(p.openid)
    if (!person) return
    const checkinAt = p.checkinAfter === undefined ? null : activity.startAt + p.checkinAfter * MINUTE
    const checkoutAt = p.checkoutAfter === undefined ? null : activity.endAt + p.checkoutAfter * MINUTE
    const confirmed = p.state === 'confirmed'
    const minutes = confirmed
      ? (p.minutes ?? servedMinutes(checkinAt!, checkoutAt ?? activity.endAt, activity))
      : null
    const points = minutes === null ? null : activityPoints(minutes, activity.pointsPerHour)
    let entryId: string | null = null
    if (points) {
      person.points = applyDelta(person.points, points, creditedAt, 'activity')
      const key = `activity:${activity._id}:${person.openid}`
      entryId = idFor(`entry:${key}`)
      entries.push({
        _id: entryId,
        openid: person.openid,
        delta: points,
        kind: 'activity',
        refId: activity._id,
        note: `${activity.title}，服务${minutes}分钟`,
        operator: 'demo-worker-liu',
        createdAt: creditedAt,
        balanceAfter: person.points.balance,
        name: person.nickname,
        public: false,
        fingerprint: JSON.stringify(['activity', points, activity._id, person.openid]),
      })
    }
    const signedAt = Math.min(now, activity.startAt) - 2 * DAY
    signups.push({
      _id: `${activity._id}:${person.openid}`,
      activityId: activity._id,
      openid: person.openid,
      name: person.nickname,
      title: activity.title,
      startAt: activity.startAt,
      endAt: activity.endAt,
      pointsPerHour: activity.pointsPerHour,
      activityStatus: activity.status,
      state: p.state,
      signedAt,
      cancelledAt: p.state === 'cancelled' ? signedAt + DAY : null,
      checkinAt,
      checkoutAt,
      minutes,
      points,
      entryId,
      confirmedBy: confirmed ? 'demo-worker-liu' : null,
      confirmedAt: confirmed ? creditedAt : null,
      updatedAt: confirmed ? creditedAt : (checkoutAt ?? checkinAt ?? signedAt),
    })
    if (p.state !== 'cancelled') activity.signedUp++
  }

  for (const f of FIXED) {
    const activity = newActivity(f.id, f.projectId, f.cornerId, f.title, f.window(now), f.capacity)
    for (const p of f.people) place(activity, p)
  }

  const live = new Set(projects.filter((p) => p.status === 'active').map((p) => p._id))
  let turn = 0
  for (const [id, projectId, cornerId, title, week, capacity, taken] of UPCOMING) {
    if (projectId && !live.has(projectId)) continue
    const corner = cornerById.get(cornerId!)!
    const activity = newActivity(id, projectId, cornerId, title, upcomingSession(corner, week, now), capacity)
    // Each signer in turn, skipping anyone who already holds an overlapping place.
    for (let tries = 0; activity.signedUp < taken && tries < SIGNERS.length; tries++) {
      const openid = SIGNERS[turn++ % SIGNERS.length]
      if (!holds(openid, activity)) place(activity, { openid, state: 'signed' })
    }
  }

  const standalone = newActivity(
    'demo-act-huanjing',
    null,
    null,
    '东岗路社区环境整治',
    { startAt: dayAt(now, -3, 9), endAt: dayAt(now, -3, 11) },
    30,
  )
  for (const openid of ['demo-volunteer-chen', 'demo-neighbour-02', 'demo-neighbour-05'])
    if (!holds(openid, standalone)) place(standalone, { openid, state: 'signed' })

  const agendas: AgendaRecord[] = []
  for (const openid of new Set(signups.map((s) => s.openid))) {
    const slots = signups
      .filter((s) => s.openid === openid && s.state !== 'cancelled' && s.endAt > now)
      .sort((a, b) => a.startAt - b.startAt)
      .map((s) => ({ activityId: s.activityId, title: s.title, startAt: s.startAt, endAt: s.endAt }))
    if (slots.length) agendas.push({ _id: openid, openid, slots, updatedAt: now })
  }

  return {
    activities,
    signups,
    agendas,
    users: users.map((u) => people.get(u.openid) ?? u),
    ledger: entries,
  }
}
