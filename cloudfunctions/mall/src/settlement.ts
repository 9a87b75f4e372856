/** Settlement: what each shop redeemed in a period, because the government pays the shops. */
import { settlementInput, type SettlementItem } from '../../../types/mall'
import type { MerchantRecord } from '../../../types/records'
import { _, db } from '../../../server/cloud'
import { denied } from '../../../server/errors'
import { action } from '../../../server/handler'

export const settlement = action({
  input: settlementInput,
  who: ['worker', 'merchant'],
  run: async (args, caller): Promise<{ items: SettlementItem[] }> => {
    let merchantId = args.merchantId
    if (!caller.roles.has('worker')) {
      const own = caller.user?.merchantId
      if (!own || (merchantId && merchantId !== own)) throw denied('只能查看本店的结算')
      merchantId = own
    }
    const match: Record<string, unknown> = {
      status: 'redeemed',
      redeemedAt: _.gte(args.from).and(_.lt(args.to)),
    }
    if (merchantId) match.merchantId = merchantId
    const grouped = await db
      .collection('orders')
      .aggregate<{ _id: string; orders: number; points: number }>()
      .match(match)
      .group({ _id: '$merchantId', orders: _.aggregate.sum(1), points: _.aggregate.sum('$cost') })
      .end()
    const ids = merchantId ? [merchantId] : grouped.list.map((g) => g._id)
    const shops = ids.length
      ? (
          await db
            .collection<MerchantRecord>('merchants')
            .where({ _id: _.in(ids) })
            .get()
        ).data
      : []
    const byId = new Map(grouped.list.map((g) => [g._id, g]))
    const items = shops
      .map((m) => ({
        merchantId: m._id,
        name: m.name,
        orders: byId.get(m._id)?.orders ?? 0,
        points: byId.get(m._id)?.points ?? 0,
      }))
      .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh'))
    return { items }
  },
})
