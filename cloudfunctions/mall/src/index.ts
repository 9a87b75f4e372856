/**
 * The `mall` cloud function (API.md `mall`): the points supermarket. Its timer trigger (config.json)
 * expires held orders after 7 days.
 */
import { defineFunction } from '../../../server/handler'
import { catalog, merchants, reward, setRewardPhoto, upsertMerchant, upsertReward } from './catalog'
import { cancel, expireHeldOrders, getOrder, order, orders } from './orders'
import { code, lookupCode, redeem } from './redeem'
import { settlement } from './settlement'

export const main = defineFunction({
  actions: {
    catalog,
    reward,
    merchants,
    upsertMerchant,
    upsertReward,
    setRewardPhoto,
    order,
    code,
    lookupCode,
    redeem,
    cancel,
    orders,
    getOrder,
    settlement,
  },
  timer: { trigger: 'expire-held-orders', run: () => expireHeldOrders() },
})
