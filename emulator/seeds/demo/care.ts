/**
 * 爱心敲门 in the demo district: the 道义街3502社区 team with 张秀芹 as captain, who visits 85-year-old
 * 刘凤琴 among a dozen more people at mixed risk, and a small 槐中路社区 team. Two months of visits, every
 * time relative to the seed's `now`: older visits confirmed with each visitor's points credited by the
 * matching ledger entry, the last week's waiting for the captain, and some people left overdue.
 * Each recipient's last visit and next due day agree with their visits, as the function keeps them.
 */
import {
  nextDueAt,
  DEFAULT_VISIT_EVERY_DAYS,
  type CareMemberRecord,
  type CareTeamRecord,
  type PersonName,
  type RecipientRecord,
  type Risk,
  type VisitRecord,
  type Wellbeing,
} from '../../../types/care'
import type { LatLng } from '../../../types/corners'
import { POINTS_RULES } from '../../../types/points'
import type { LedgerRecord, UserRecord } from '../../../types/records'
import { applyDelta, idFor } from '../../../server/points-math'

const DAY = 86_400_000
const MINUTE = 60_000

export const CARE_TEAM_3502 = 'demo-care-team-3502'
export const CARE_TEAM_HUAIZHONG = 'demo-care-team-huaizhong'
export const CAPTAIN_ZHANG = 'demo-captain-zhang'

interface Person {
  id: string
  name: string
  gender: 'male' | 'female'
  age: number
  address: string
  phone: string | null
  circumstances: string[]
  risk: Risk
  team: string
  notes: string
  /** Days ago of each visit, oldest first; the last decides who is overdue today. */
  visits: number[]
  registeredDaysAgo: number
}

/** A home near the 3502 community's office (道义街) or 槐中路's, spread by the person's place in the list. */
function homeLocation(in3502: boolean, i: number): LatLng {
  const [lat, lng] = in3502 ? [38.0248, 114.5356] : [38.0312, 114.5021]
  return { lat: +(lat + ((i % 5) - 2) * 0.0009).toFixed(6), lng: +(lng + ((i % 3) - 1) * 0.0011).toFixed(6) }
}

const P = (
  id: string,
  name: string,
  gender: 'male' | 'female',
  age: number,
  building: string,
  phone: string | null,
  circumstances: string[],
  risk: Risk,
  visits: number[],
  notes = '',
  team = CARE_TEAM_3502,
): Person => ({
  id: `demo-recipient-${id}`,
  name,
  gender,
  age,
  address: `${team === CARE_TEAM_3502 ? '道义街3502社区' : '槐中路社区'}${building}`,
  phone,
  circumstances,
  risk,
  team,
  notes,
  visits,
  registeredDaysAgo: 120,
})

const PEOPLE: Person[] = [
  P(
    'liufq',
    '刘凤琴',
    'female',
    85,
    '3栋1单元101',
    '13833210001',
    ['独居', '高龄'],
    'high',
    [58, 51, 44, 37, 30, 23, 16, 9, 2],
    '耳背，敲门要大声；每天早上吃降压药',
  ),
  P(
    'wangsl',
    '王淑兰',
    'female',
    88,
    '5栋2单元201',
    '13833210002',
    ['空巢', '高龄'],
    'high',
    [56, 49, 42, 35, 28, 21, 12],
    '女儿在外地，周末会打电话',
  ),
  P(
    'zhaodj',
    '赵德军',
    'male',
    79,
    '7栋1单元302',
    null,
    ['孤寡', '残疾'],
    'high',
    [55, 47, 40, 33, 25, 18, 10],
    '腿脚不便，坐轮椅；没有手机，请上门',
  ),
  P(
    'sungy',
    '孙桂英',
    'female',
    91,
    '2栋3单元102',
    '13833210004',
    ['独居', '高龄', '失能'],
    'high',
    [54, 47, 40, 33, 26, 19, 12, 5],
    '需要助浴，每次两人上门',
  ),
  P(
    'lixm',
    '李秀梅',
    'female',
    76,
    '9栋2单元401',
    '13833210005',
    ['空巢'],
    'medium',
    [57, 43, 29, 15],
    '有糖尿病，提醒按时复查',
  ),
  P(
    'zhouwh',
    '周文华',
    'male',
    82,
    '11栋1单元201',
    '13833210006',
    ['独居', '高龄'],
    'medium',
    [50, 36, 22, 8],
  ),
  P('wugz', '吴国章', 'male', 73, '4栋2单元501', '13833210007', ['低保', '残疾'], 'medium', [52, 38, 24]),
  P(
    'zhengyl',
    '郑玉兰',
    'female',
    80,
    '6栋1单元301',
    '13833210008',
    ['空巢', '高龄'],
    'medium',
    [45, 31, 13],
    '老伴住院，情绪低落',
  ),
  P('fengcl', '冯翠兰', 'female', 70, '8栋3单元202', '13833210009', ['低保'], 'low', [55, 25]),
  P('chenjm', '陈建民', 'male', 77, '10栋2单元601', '13833210010', ['空巢'], 'low', [40], '子女每周来看望'),
  P('heshz', '何淑珍', 'female', 84, '12栋1单元102', '13833210011', ['独居', '高龄'], 'low', [33]),
  P(
    'majf',
    '马金凤',
    'female',
    86,
    '1栋2单元301',
    '13833210012',
    ['孤寡', '高龄'],
    'high',
    [],
    '刚登记，还没有走访过',
  ),
  P(
    'gaosf',
    '高淑芬',
    'female',
    81,
    '6栋2单元402',
    '13833210013',
    ['独居'],
    'medium',
    [20, 6],
    '',
    CARE_TEAM_HUAIZHONG,
  ),
  P(
    'tianys',
    '田永顺',
    'male',
    87,
    '3栋1单元502',
    '13833210014',
    ['高龄', '失能'],
    'high',
    [30, 16],
    '',
    CARE_TEAM_HUAIZHONG,
  ),
]
PEOPLE[11].registeredDaysAgo = 9

const SERVICES_BY_RISK: Record<Risk, string[][]> = {
  high: [['聊天陪伴', '安全检查'], ['助医'], ['助洁', '聊天陪伴'], ['助浴']],
  medium: [['聊天陪伴'], ['代购', '聊天陪伴'], ['助洁']],
  low: [['聊天陪伴']],
}

const NOTES = [
  '精神不错，血压正常',
  '屋里收拾干净了',
  '陪着去社区卫生室量了血压',
  '聊了一个小时，心情好',
  '帮着买了米和油',
]

export interface DemoCare {
  teams: CareTeamRecord[]
  members: CareMemberRecord[]
  recipients: RecipientRecord[]
  visits: VisitRecord[]
  users: UserRecord[]
  ledger: LedgerRecord[]
}

export function demoCare(users: UserRecord[], ledger: LedgerRecord[], now: number): DemoCare {
  const people = new Map(users.map((u) => [u.openid, { ...u, points: { ...u.points } }]))
  const entries = [...ledger]
  const nameOf = (openid: string): PersonName => {
    const u = people.get(openid)!
    return { openid, name: u.volunteer?.realName || u.nickname }
  }
  const team = (
    id: string,
    name: string,
    captain: string,
    others: string[],
    community: string,
  ): CareTeamRecord => ({
    _id: id,
    name,
    captain: nameOf(captain),
    members: [captain, ...others].map(nameOf),
    communities: [community],
    createdAt: now - 150 * DAY,
    updatedAt: now - 30 * DAY,
  })
  const teams = [
    team(
      CARE_TEAM_3502,
      '道义街3502社区“爱心敲门”服务队',
      CAPTAIN_ZHANG,
      ['demo-volunteer-zhang', 'demo-neighbour-01'],
      '道义街3502社区',
    ),
    team(
      CARE_TEAM_HUAIZHONG,
      '槐中路社区“爱心敲门”服务队',
      'demo-volunteer-chen',
      ['demo-neighbour-04'],
      '槐中路社区',
    ),
  ]
  const members: CareMemberRecord[] = teams.flatMap((t) =>
    t.members.map((m) => ({
      _id: `${t._id}:${m.openid}`,
      teamId: t._id,
      openid: m.openid,
      name: m.name,
      captain: m.openid === t.captain.openid,
      joinedAt: t.createdAt,
    })),
  )
  const teamById = new Map(teams.map((t) => [t._id, t]))
  // Credits come after every other demo credit, one second apart, so each person's ledger ends at their balance.
  let credits = 0
  const nextCredit = () => now - 10 * MINUTE + ++credits * 1000
  const visits: VisitRecord[] = []
  const recipients: RecipientRecord[] = PEOPLE.map((p, pi) => {
    const t = teamById.get(p.team)!
    const createdAt = now - p.registeredDaysAgo * DAY
    let last: VisitRecord | null = null
    p.visits.forEach((daysAgo, vi) => {
      // The captain goes to the high-risk people herself, with one member; the members take turns otherwise.
      const visitor = t.members[(pi + vi) % t.members.length]
      const withCaptain = p.risk === 'high' && visitor.openid !== t.captain.openid
      const visitors = withCaptain ? [visitor, t.captain] : [visitor]
      const at = now - daysAgo * DAY - (2 + (vi % 5)) * 3600_000
      const wellbeing: Wellbeing =
        p.id.endsWith('zhengyl') && vi === p.visits.length - 1 ? 'attention' : 'well'
      const confirmed = daysAgo > 7
      const id = idFor(`visit:demo:${p.id}:${vi}`)
      const services = SERVICES_BY_RISK[p.risk][vi % SERVICES_BY_RISK[p.risk].length]
      const note =
        wellbeing === 'attention' ? '老伴住院，情绪低落，下周再来看看' : NOTES[(pi + vi) % NOTES.length]
      const confirmer =
        t.members.some((m) => m.openid === t.captain.openid) &&
        !visitors.some((v) => v.openid === t.captain.openid)
          ? t.captain.openid
          : 'demo-worker-liu'
      const record: VisitRecord = {
        _id: id,
        recipientId: p.id,
        recipientName: p.name,
        teamId: t._id,
        visitors,
        at,
        minutes: p.risk === 'high' ? 45 : 30,
        kind: 'door',
        wellbeing,
        services,
        note,
        atDoor: vi % 2 === 0,
        needId: null,
        status: confirmed ? 'confirmed' : 'logged',
        confirmedBy: confirmed ? confirmer : null,
        confirmedAt: confirmed ? at + DAY : null,
        fingerprint: JSON.stringify({ demo: id }),
        loggedBy: visitor.openid,
        createdAt: at,
      }
      visits.push(record)
      last = record
      if (!confirmed) return
      for (const v of visitors) {
        const person = people.get(v.openid)!
        const creditedAt = nextCredit()
        person.points = applyDelta(person.points, POINTS_RULES.visitPoints, creditedAt, 'visit')
        const key = `visit:${id}:${v.openid}`
        entries.push({
          _id: idFor(`entry:${key}`),
          openid: v.openid,
          delta: POINTS_RULES.visitPoints,
          kind: 'visit',
          refId: id,
          note: `爱心敲门：走访${p.name.slice(0, 1)}老人，${record.minutes}分钟`,
          operator: confirmer,
          createdAt: creditedAt,
          balanceAfter: person.points.balance,
          name: person.nickname,
          public: false,
          fingerprint: JSON.stringify(['visit', POINTS_RULES.visitPoints, id, v.openid]),
        })
      }
    })
    const lastVisit = last as VisitRecord | null
    const visitEveryDays = DEFAULT_VISIT_EVERY_DAYS[p.risk]
    const base = { lastVisitAt: lastVisit?.at ?? null, createdAt, visitEveryDays }
    return {
      _id: p.id,
      name: p.name,
      gender: p.gender,
      birthYear: new Date(now).getUTCFullYear() - p.age,
      community: t.communities[0],
      address: p.address,
      // Homes a few hundred metres apart around the community's office; one in four not yet picked on a map.
      location: pi % 4 === 3 ? null : homeLocation(t._id === CARE_TEAM_3502, pi),
      phone: p.phone,
      emergencyContact: p.phone
        ? { name: `${p.name.slice(0, 1)}家属`, phone: `139${p.phone.slice(3)}`, relation: '子女' }
        : null,
      circumstances: p.circumstances,
      risk: p.risk,
      visitEveryDays,
      teamId: t._id,
      notes: p.notes,
      status: 'active',
      archiveReason: null,
      archivedAt: null,
      lastVisitAt: base.lastVisitAt,
      lastNote: lastVisit?.note ?? '',
      lastWellbeing: lastVisit?.wellbeing ?? null,
      nextDueAt: nextDueAt(base),
      doorVersion: 1,
      consentAt: createdAt,
      registeredBy: 'demo-worker-liu',
      createdAt,
      updatedAt: lastVisit?.at ?? createdAt,
    }
  })
  return { teams, members, recipients, visits, users: [...people.values()], ledger: entries }
}
