/**
 * The people of the demo district (裕华区): fictional residents, volunteers of the 爱心敲门 team, social
 * workers of the 社工站 and shopkeepers of the partner shops.
 */
import { emptyPoints, type UserRecord, type VolunteerRecord } from '../../../types/records'
import type { Role } from '../../../types/user'
import type { DemoIdentity } from '../types'

const DAY = 86_400_000

interface Person {
  openid: string
  nickname: string
  roles: Role[]
  community: string
  phone: string | null
  address: string | null
  volunteer?: Omit<VolunteerRecord, 'appliedAt' | 'reviewedAt'> & {
    appliedDaysAgo: number
    reviewedDaysAgo: number | null
  }
  merchantId?: string
  elderMode?: boolean
  identity?: Omit<DemoIdentity, 'openid' | 'name'>
}

const PEOPLE: Person[] = [
  {
    openid: 'demo-worker-liu',
    nickname: '刘敏',
    roles: ['resident', 'worker'],
    community: '裕华区社会工作服务站',
    phone: '13831100001',
    address: null,
    identity: { role: 'worker', note: '社工站社工：审核需求、派单、审核志愿者' },
  },
  {
    openid: 'demo-worker-sun',
    nickname: '孙立伟',
    roles: ['resident', 'worker'],
    community: '裕华区社会工作服务站',
    phone: '13831100002',
    address: null,
  },
  {
    openid: 'demo-volunteer-zhang',
    nickname: '张桂芹',
    roles: ['resident', 'volunteer'],
    community: '道义街3502社区',
    phone: '13931200003',
    address: '道义街3502社区12栋2单元301',
    volunteer: {
      status: 'approved',
      realName: '张桂芹',
      phone: '13931200003',
      skills: ['陪伴聊天', '代买代办', '助医陪诊'],
      appliedDaysAgo: 400,
      reviewedDaysAgo: 398,
      reviewedBy: 'demo-worker-liu',
      reason: null,
    },
    identity: { role: 'volunteer', note: '“爱心敲门”服务队队员：上门走访独居老人' },
  },
  {
    openid: 'demo-volunteer-chen',
    nickname: '陈志强',
    roles: ['resident', 'volunteer'],
    community: '槐中路社区',
    phone: '13731200004',
    address: '槐中路社区5栋1单元502',
    volunteer: {
      status: 'approved',
      realName: '陈志强',
      phone: '13731200004',
      skills: ['家电维修', '驾驶'],
      appliedDaysAgo: 200,
      reviewedDaysAgo: 199,
      reviewedBy: 'demo-worker-sun',
      reason: null,
    },
    identity: { role: 'volunteer', note: '退休电工，会修家电' },
  },
  {
    openid: 'demo-resident-wang',
    nickname: '王秀英',
    roles: ['resident'],
    community: '道义街3502社区',
    phone: '13603110005',
    address: '道义街3502社区3栋1单元101',
    elderMode: true,
    identity: { role: 'resident', note: '82岁，独居老人' },
  },
  {
    openid: 'demo-resident-zhao',
    nickname: '赵丽',
    roles: ['resident'],
    community: '建华南社区',
    phone: '15803110006',
    address: '建华南社区8栋3单元602',
    volunteer: {
      status: 'pending',
      realName: '赵丽',
      phone: '15803110006',
      skills: ['心理疏导', '陪伴聊天'],
      appliedDaysAgo: 1,
      reviewedDaysAgo: null,
      reviewedBy: null,
      reason: null,
    },
    identity: { role: 'resident', note: '已申请成为志愿者，等待审核' },
  },
  {
    openid: 'demo-resident-li',
    nickname: '李建国',
    roles: ['resident'],
    community: '槐中路社区',
    phone: '13503110007',
    address: '槐中路社区2栋2单元201',
    identity: { role: 'resident', note: '想参加公益活动的居民' },
  },
  {
    openid: 'demo-merchant-zhou',
    nickname: '周海燕',
    roles: ['resident', 'merchant'],
    community: '体育南大街社区',
    phone: '13303110008',
    address: null,
    merchantId: 'shop-huimin',
    identity: { role: 'merchant', note: '惠民便民超市店长，扫码核销' },
  },
  {
    openid: 'demo-merchant-meng',
    nickname: '孟晓燕',
    roles: ['resident', 'merchant'],
    community: '槐中路社区',
    phone: '13303110009',
    address: null,
    merchantId: 'shop-huaizhong-clinic',
    identity: { role: 'merchant', note: '槐中路社区卫生室护士' },
  },
  {
    openid: 'demo-merchant-tian',
    nickname: '田国栋',
    roles: ['resident', 'merchant'],
    community: '裕华路社区',
    phone: '13303110010',
    address: null,
    merchantId: 'shop-renhe-pharmacy',
  },
  {
    openid: 'demo-merchant-guo',
    nickname: '郭师傅',
    roles: ['resident', 'merchant'],
    community: '建华南社区',
    phone: '13303110011',
    address: null,
    merchantId: 'shop-xingda-repair',
  },
]

/** Neighbours who are on the board and in the ledgers but not offered as demo identities. */
const NEIGHBOURS: Array<[string, string, string]> = [
  ['刘建华', '道义街3502社区', '13831110101'],
  ['杨淑珍', '道义街3502社区', '13831110102'],
  ['黄志明', '槐中路社区', '13831110103'],
  ['周桂英', '槐中路社区', '13831110104'],
  ['吴国强', '建华南社区', '13831110105'],
  ['徐丽娟', '建华南社区', '13831110106'],
  ['孙玉兰', '体育南大街社区', '13831110107'],
  ['马建军', '体育南大街社区', '13831110108'],
  ['朱秀梅', '裕华路社区', '13831110109'],
  ['胡振东', '裕华路社区', '13831110110'],
  ['郭凤英', '道义街3502社区', '13831110111'],
  ['何永红', '槐中路社区', '13831110112'],
]

for (const [i, [name, community, phone]] of NEIGHBOURS.entries()) {
  const volunteer = i % 3 === 0
  PEOPLE.push({
    openid: `demo-neighbour-${String(i + 1).padStart(2, '0')}`,
    nickname: name,
    roles: volunteer ? ['resident', 'volunteer'] : ['resident'],
    community,
    phone,
    address: `${community}${(i % 9) + 1}栋${(i % 3) + 1}单元${(i % 6) + 1}0${(i % 4) + 1}`,
    ...(volunteer
      ? {
          volunteer: {
            status: 'approved' as const,
            realName: name,
            phone,
            skills: ['陪伴聊天', '环境整治'],
            appliedDaysAgo: 300 - i * 10,
            reviewedDaysAgo: 298 - i * 10,
            reviewedBy: 'demo-worker-liu',
            reason: null,
          },
        }
      : {}),
  })
}

/** The captain of the 道义街3502社区 爱心敲门 team (emulator/seeds/demo/care.ts), after everyone else. */
PEOPLE.push({
  openid: 'demo-captain-zhang',
  nickname: '张秀芹',
  roles: ['resident', 'volunteer'],
  community: '道义街3502社区',
  phone: '13931200013',
  address: '道义街3502社区3栋2单元202',
  volunteer: {
    status: 'approved',
    realName: '张秀芹',
    phone: '13931200013',
    skills: ['陪伴聊天', '助医陪诊', '助洁'],
    appliedDaysAgo: 420,
    reviewedDaysAgo: 418,
    reviewedBy: 'demo-worker-liu',
    reason: null,
  },
  identity: { role: 'volunteer', note: '道义街3502社区“爱心敲门”服务队队长：今日待访、确认走访' },
})

export function demoUsers(now: number): UserRecord[] {
  return PEOPLE.map((p, i) => ({
    _id: p.openid,
    openid: p.openid,
    roles: p.roles,
    nickname: p.nickname,
    phone: p.phone,
    community: p.community,
    address: p.address,
    elderMode: p.elderMode ?? false,
    volunteer: p.volunteer
      ? {
          status: p.volunteer.status,
          realName: p.volunteer.realName,
          phone: p.volunteer.phone,
          skills: p.volunteer.skills,
          appliedAt: now - p.volunteer.appliedDaysAgo * DAY,
          reviewedAt: p.volunteer.reviewedDaysAgo === null ? null : now - p.volunteer.reviewedDaysAgo * DAY,
          reviewedBy: p.volunteer.reviewedBy,
          reason: p.volunteer.reason,
        }
      : null,
    merchantId: p.merchantId ?? null,
    points: emptyPoints(),
    createdAt: now - (500 - i) * DAY,
    updatedAt: now - DAY,
  }))
}

/** A demo person's own phone number (what WeChat would answer for their phone-number button), or null. */
export function demoPhone(openid: string): string | null {
  return PEOPLE.find((p) => p.openid === openid)?.phone ?? null
}

export function demoIdentities(): DemoIdentity[] {
  return PEOPLE.filter((p) => p.identity).map((p) => ({
    openid: p.openid,
    name: p.nickname,
    role: p.identity!.role,
    note: p.identity!.note,
  }))
}
