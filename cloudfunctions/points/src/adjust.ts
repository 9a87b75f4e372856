/** Workers award or deduct points for a resident, by a rule of the catalogue or by a number. */
import { adjustInput, CIVIC_RULES, type LedgerEntry } from '../../../types/points'
import { assertSafeText } from '../../../server/content'
import { invalid } from '../../../server/errors'
import { action } from '../../../server/handler'
import { entryPosted } from '../../../types/report'
import { postInTransaction, type PostEntry } from '../../../server/ledger'
import { countInTransaction } from '../../../server/report'
import { inTransaction } from '../../../server/transaction'
import { refuseSelfDealing } from '../../../server/self-dealing'
import { toEntry } from './views'

export const adjust = action({
  input: adjustInput,
  who: 'worker',
  run: async (args, caller): Promise<LedgerEntry> => {
    refuseSelfDealing(caller.openid, args.openid, '给自己加减积分')
    const rule = args.ruleId === undefined ? null : CIVIC_RULES.find((r) => r.id === args.ruleId)
    if (rule === undefined) throw invalid('没有这条积分规则')
    const delta = rule ? rule.delta : args.delta!
    const kind = rule ? (rule.delta > 0 ? 'civic' : 'deduction') : 'adjustment'
    // The note is read by the person in their ledger (and civic ones are published): checked either way.
    await assertSafeText(caller.openid, [args.note])
    const change: PostEntry = {
      openid: args.openid,
      delta,
      kind,
      refId: rule?.id ?? '',
      note: args.note,
      operator: caller.openid,
      key: `adjust:${caller.openid}:${args.idempotencyKey}`,
      fingerprint: JSON.stringify([args.openid, args.ruleId ?? null, args.delta ?? null, args.note]),
      clampToAvailable: true,
      public: Boolean(rule),
    }
    // Counted for the report in the entry's transaction; a retry that finds the entry counts nothing.
    const entry = await inTransaction(async (tx) => {
      const posted = await postInTransaction(tx, change, Date.now())
      if (posted.created) await countInTransaction(tx, [entryPosted(posted.entry)])
      return posted.entry
    })
    return toEntry(entry)
  },
})
