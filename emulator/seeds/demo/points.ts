/**
 * Plausible point histories for the demo people, so that ledgers and the board (积分公示) are alive:
 * help given, activities served, civic awards, a few deductions and redemptions, over the last 100 days.
 * Every summary is computed from its own entries, so balance = Σ ledger holds from the start.
 */
import { CIVIC_RULES, type EntryKind } from '../../../types/points'
import type { LedgerRecord, UserRecord } from '../../../types/records'
import { applyDelta, idFor } from '../../../server/points-math'

const DAY = 86_400_000

/** A small deterministic generator, so the demo is the same on every machine. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

interface Event {
  at: number
  kind: EntryKind
  delta: number
  note: string
  refId: string
  operator: string
  public: boolean
}

const AWARDS = CIVIC_RULES.filter((r) => r.delta > 0)
const DEDUCTIONS = CIVIC_RULES.filter((r) => r.delta < 0)
const HELP = [
  '陪王奶奶去社区医院复查',
  '帮独居老人买菜',
  '修理楼道声控灯',
  '陪老人聊天一下午',
  '帮忙代缴水电费',
  '送药上门',
]
const ACTIVITIES = [
  '“爱心小红帽”困境老人关爱行动',
  '“暖心小棉袄”计生家庭关爱行动',
  '街头公益角志愿服务',
  '石门百景随手拍',
]

function historyFor(user: UserRecord, index: number, now: number): Event[] {
  const rnd = random(index * 7919 + 17)
  const events: Event[] = []
  const isVolunteer = user.roles.includes('volunteer')
  const count = isVolunteer ? 8 + Math.floor(rnd() * 8) : 2 + Math.floor(rnd() * 4)
  for (let i = 0; i < count; i++) {
    // Spread over 100 days, with the latest in the last two weeks so the month board has entries.
    const daysAgo = i === 0 ? rnd() * 12 : rnd() * 100
    const at = now - Math.floor(daysAgo * DAY) - 3600_000
    const roll = rnd()
    if (isVolunteer && roll < 0.4) {
      const rating = 3 + Math.floor(rnd() * 3)
      events.push({
        at,
        kind: 'need',
        delta: 20 + [0, 0, 2, 5, 10][rating - 1],
        note: `${HELP[Math.floor(rnd() * HELP.length)]}（${rating}星好评）`,
        refId: `seed-need-${index}-${i}`,
        operator: 'system',
        public: false,
      })
    } else if (isVolunteer && roll < 0.7) {
      const minutes = 60 + Math.floor(rnd() * 4) * 30
      events.push({
        at,
        kind: 'activity',
        delta: Math.round((minutes * 10) / 60),
        note: `${ACTIVITIES[Math.floor(rnd() * ACTIVITIES.length)]}，服务${minutes}分钟`,
        refId: `seed-activity-${index}-${i}`,
        operator: 'demo-worker-liu',
        public: false,
      })
    } else {
      const rule = AWARDS[Math.floor(rnd() * AWARDS.length)]
      events.push({
        at,
        kind: 'civic',
        delta: rule.delta,
        note: rule.title,
        refId: rule.id,
        operator: 'demo-worker-liu',
        public: true,
      })
    }
  }
  if (index % 5 === 2) {
    const rule = DEDUCTIONS[index % DEDUCTIONS.length]
    events.push({
      at: now - Math.floor((3 + index) * DAY),
      kind: 'deduction',
      delta: rule.delta,
      note: rule.title,
      refId: rule.id,
      operator: 'demo-worker-sun',
      public: true,
    })
  }
  return events.sort((a, b) => a.at - b.at)
}

/** Gives each user a history; answers the users with their summaries and the ledger entries. */
export function withPointHistories(
  users: UserRecord[],
  now: number,
): { users: UserRecord[]; ledger: LedgerRecord[] } {
  const ledger: LedgerRecord[] = []
  const out = users.map((user, index) => {
    if (user.roles.includes('worker') || user.roles.includes('merchant')) return user
    let points = user.points
    for (const [n, e] of historyFor(user, index, now).entries()) {
      // A deduction never takes more than is available, as in the live ledger.
      const delta = e.delta < 0 ? -Math.min(-e.delta, points.balance - points.held) : e.delta
      if (delta === 0) continue
      points = applyDelta(points, delta, e.at, e.kind)
      ledger.push({
        _id: idFor(`entry:seed:${user.openid}:${n}`),
        openid: user.openid,
        delta,
        kind: e.kind,
        refId: e.refId,
        note: e.note,
        operator: e.operator,
        createdAt: e.at,
        balanceAfter: points.balance,
        name: user.nickname,
        public: e.public,
        fingerprint: JSON.stringify(['seed', n]),
      })
    }
    return { ...user, points }
  })
  return { users: out, ledger }
}
