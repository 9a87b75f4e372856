/**
 * The public board (积分公示): rankings by the points it may publish (every gain but a worker's free-number
 * adjustment, `countsOnBoard`), and the latest civic awards and deductions.
 */
import { boardInput, POINTS_RULES, rulesInput, type Board, type BoardItem } from '../../../types/points'
import type { LedgerRecord, UserRecord } from '../../../types/records'
import { maskName } from '../../../types/text'
import { shanghaiMonth } from '../../../types/time'
import { _, db } from '../../../server/cloud'
import { action } from '../../../server/handler'
import { displayName } from '../../../server/users'
import { toPublicEntry } from './views'

const TOP = 50
const RECENT = 20

/** Competition ranking: equal points share a rank, the next rank skips (1, 2, 2, 4). */
export function rank(rows: Array<{ name: string; points: number }>): BoardItem[] {
  return rows.map((row) => ({
    rank: rows.findIndex((r) => r.points === row.points) + 1,
    name: row.name,
    points: row.points,
  }))
}

export const board = action({
  input: boardInput,
  who: 'anyone',
  run: async (args): Promise<Board> => {
    const period = args.period ?? 'month'
    const users = db.collection<UserRecord>('users')
    const ranking =
      period === 'month'
        ? users
            .where({ 'points.month': shanghaiMonth(Date.now()), 'points.monthEarned': _.gt(0) })
            .orderBy('points.monthEarned', 'desc')
        : users.where({ 'points.boardEarned': _.gt(0) }).orderBy('points.boardEarned', 'desc')
    const [top, recent] = await Promise.all([
      ranking.limit(TOP).get(),
      db
        .collection<LedgerRecord>('ledger')
        .where({ public: true })
        .orderBy('createdAt', 'desc')
        .limit(RECENT)
        .get(),
    ])
    const rows = top.data.map((u) => ({
      name: maskName(displayName(u)),
      points: period === 'month' ? u.points.monthEarned : u.points.boardEarned,
    }))
    return { period, items: rank(rows), recent: recent.data.map(toPublicEntry) }
  },
})

export const rules = action({
  input: rulesInput,
  who: 'anyone',
  run: async () => POINTS_RULES,
})
