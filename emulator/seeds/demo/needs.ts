/**
 * Needs in every state, so each role finds work waiting: urgent requests of elderly residents in the
 * review queue and the pool, jobs in progress, jobs waiting for confirmation, and finished ones — each
 * finished one credited to its volunteer by the matching ledger entry.
 */
import type { NeedCategory, NeedStatus } from '../../../types/needs'
import type { LedgerRecord, NeedRecord, UserRecord } from '../../../types/records'

const HOUR = 3600_000

interface Draft {
  requester: string
  onBehalfOf?: string
  category: NeedCategory
  title: string
  description: string
  urgent?: boolean
  status: NeedStatus
  assignee?: string
  hoursAgo: number
  preferredTime?: string
  minutes?: number
  note?: string
  rejectReason?: string
}

const DRAFTS: Draft[] = [
  {
    requester: 'demo-resident-wang',
    category: 'medical',
    title: '下周二需要人陪同去省二院复查',
    description:
      '我今年82岁，一个人住，腿脚不方便。下周二上午要去省二院复查心脏，想请志愿者陪我去，帮忙挂号取药。',
    urgent: true,
    status: 'pending',
    hoursAgo: 2,
    preferredTime: '下周二上午8点',
  },
  {
    requester: 'demo-worker-liu',
    onBehalfOf: '刘凤琴',
    category: 'elderly',
    title: '85岁独居老人家中灯泡坏了',
    description: '刘奶奶家厨房和卫生间的灯泡都坏了，晚上看不见，老人自己不能爬高，需要志愿者帮忙更换。',
    urgent: true,
    status: 'open',
    hoursAgo: 5,
    preferredTime: '今天下午',
  },
  {
    requester: 'demo-resident-li',
    category: 'repair',
    title: '楼道里的水管漏水',
    description: '2栋2单元三楼楼道的水管一直在滴水，地面很滑，怕老人摔倒，请帮忙看看或联系物业。',
    status: 'open',
    hoursAgo: 20,
    preferredTime: '周末都可以',
  },
  {
    requester: 'demo-resident-wang',
    category: 'errand',
    title: '帮忙代买一周的蔬菜和鸡蛋',
    description: '最近天冷不想出门，想请人帮忙去菜市场买点青菜、西红柿和一盒鸡蛋，钱当面给。',
    status: 'open',
    hoursAgo: 30,
    preferredTime: '周六上午',
  },
  {
    requester: 'demo-neighbour-02',
    category: 'companionship',
    title: '周末陪老伴聊聊天',
    description: '老伴刚出院，心情不好，希望有志愿者周末来家里陪他聊聊天、下下象棋。',
    status: 'assigned',
    assignee: 'demo-volunteer-zhang',
    hoursAgo: 48,
    preferredTime: '周日下午',
  },
  {
    requester: 'demo-neighbour-05',
    category: 'repair',
    title: '电视机没有信号了',
    description: '家里的电视突然没有信号，孙子不在身边，不会弄，请懂行的志愿者来看看。',
    status: 'done',
    assignee: 'demo-volunteer-chen',
    hoursAgo: 60,
    minutes: 45,
    note: '机顶盒线松了，已重新插好并教会老人换台。',
  },
  {
    requester: 'demo-resident-li',
    category: 'other',
    title: '想找人帮忙搬家',
    description: '下个月搬家，东西很多，想找几个年轻人帮忙。',
    status: 'rejected',
    hoursAgo: 90,
    rejectReason: '搬家属于商业服务，建议联系搬家公司；如有困难可申请社区临时救助。',
  },
]

function record(d: Draft, id: string, users: Map<string, UserRecord>, now: number): NeedRecord {
  const requester = users.get(d.requester)!
  const assignee = d.assignee ? users.get(d.assignee)! : null
  const at = now - d.hoursAgo * HOUR
  return {
    _id: id,
    category: d.category,
    title: d.title,
    description: d.description,
    urgency: d.urgent ? 'urgent' : 'normal',
    status: d.status,
    requester: { openid: requester.openid, nickname: requester.nickname },
    onBehalfOf: d.onBehalfOf ? { name: d.onBehalfOf } : null,
    assignee: assignee ? { openid: assignee.openid, nickname: assignee.nickname } : null,
    points: d.status === 'pending' || d.status === 'rejected' ? 0 : 20,
    preferredTime: d.preferredTime ?? '',
    minutes: d.minutes ?? null,
    completionNote: d.note ?? '',
    rating: null,
    comment: '',
    rejectReason: d.rejectReason ?? '',
    cancelReason: '',
    address: requester.address ?? '道义街3502社区5栋1单元101',
    contactPhone: d.onBehalfOf ? '0311-85012345' : (requester.phone ?? '13603110005'),
    reviewedBy: d.status === 'pending' ? null : 'demo-worker-liu',
    creditEntryId: null,
    createdAt: at,
    updatedAt: at + HOUR,
  }
}

const ELDERS = ['demo-resident-wang', 'demo-neighbour-02', 'demo-neighbour-05', 'demo-neighbour-08']

/** The live needs, plus one confirmed need for every `need` entry of the demo ledger. */
export function demoNeeds(users: UserRecord[], ledger: LedgerRecord[], now: number): NeedRecord[] {
  const byId = new Map(users.map((u) => [u.openid, u]))
  const live = DRAFTS.map((d, i) => record(d, `demo-need-${String(i + 1).padStart(2, '0')}`, byId, now))
  const finished = ledger
    .filter((e) => e.kind === 'need')
    .map((e, i) => {
      const [title, ratingText] = e.note.split('（')
      const rating = Number(ratingText?.[0] ?? 5)
      const requester = byId.get(ELDERS[i % ELDERS.length])!
      const volunteer = byId.get(e.openid)!
      const base = record(
        {
          requester: requester.openid,
          category: 'elderly',
          title,
          description: `${title}。谢谢志愿者！`,
          status: 'confirmed',
          assignee: volunteer.openid,
          hoursAgo: (now - e.createdAt) / HOUR + 24,
          minutes: 60,
          note: '已完成。',
        },
        e.refId,
        byId,
        now,
      )
      return {
        ...base,
        points: e.delta - [0, 0, 2, 5, 10][rating - 1],
        rating,
        comment: '非常感谢，服务很周到！',
        creditEntryId: e._id,
        updatedAt: e.createdAt,
      }
    })
  return [...live, ...finished]
}
