/**
 * The `needs` cloud function (API.md `needs`): 居民求助 → 社工审核派单 → 志愿者接单 → 完成 → 评价 → 积分.
 */
import { defineFunction } from '../../../server/handler'
import { cancel, confirm } from './confirm'
import { create } from './create'
import { get, list } from './list'
import { photos, removePhoto } from './photos'
import { dispatch, review } from './review'
import { seen } from './seen'
import { claim, complete, release } from './volunteer'

export const main = defineFunction({
  actions: {
    create,
    list,
    get,
    photos,
    removePhoto,
    review,
    claim,
    dispatch,
    seen,
    release,
    complete,
    confirm,
    cancel,
  },
})
