/** A person's own points: the summary and the ledger, newest first. */
import { ledgerInput, summaryInput, type LedgerEntry } from '../../../types/points'
import type { Page } from '../../../types/envelope'
import type { LedgerRecord } from '../../../types/records'
import { _, db } from '../../../server/cloud'
import { action } from '../../../server/handler'
import { afterCursor, decodeCursor, pageOf } from '../../../server/paging'
import { toEntry, toSummary } from './views'

export const summary = action({
  input: summaryInput,
  run: async (_args, caller) => toSummary(caller.user!.points),
})

export const ledger = action({
  input: ledgerInput,
  run: async (args, caller): Promise<Page<LedgerEntry>> => {
    const limit = args.limit ?? 20
    const res = await db
      .collection<LedgerRecord>('ledger')
      .where(_.and([{ openid: caller.openid }, afterCursor('createdAt', decodeCursor(args.cursor))]))
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const { rows, nextCursor } = pageOf(res.data, limit, (r) => r.createdAt)
    return { items: rows.map(toEntry), nextCursor }
  },
})
