/** The partner shops of the 积分超市: the four kinds of seed 003 (便民超市, 卫生室, 药店, 汽修点). */
import type { MerchantRecord } from '../../../types/records'

const SHOPS: Array<Pick<MerchantRecord, '_id' | 'name' | 'kind' | 'address'>> = [
  { _id: 'shop-huimin', name: '惠民便民超市', kind: 'supermarket', address: '裕华区体育南大街86号' },
  {
    _id: 'shop-huaizhong-clinic',
    name: '槐中路社区卫生室',
    kind: 'clinic',
    address: '裕华区槐中路社区服务中心一楼',
  },
  {
    _id: 'shop-renhe-pharmacy',
    name: '仁和大药房（裕华店）',
    kind: 'pharmacy',
    address: '裕华区裕华东路133号',
  },
  { _id: 'shop-xingda-repair', name: '兴达汽修点', kind: 'repair', address: '裕华区建华南大街210号' },
]

export function demoShops(now: number): MerchantRecord[] {
  return SHOPS.map((s) => ({ ...s, active: true, createdAt: now, updatedAt: now }))
}
