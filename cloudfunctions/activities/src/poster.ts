/**
 * `activities.posterCode`: the mini-program code of an activity's poster (`wxacode.getUnlimited`), which opens the
 * activity's page with the activity in `scene`.
 */
import {
  activityScene,
  POSTER_PAGE,
  type PosterCode,
  posterCodeInput,
  SCENE_MAX,
} from '../../../types/activities'
import { cloud } from '../../../server/cloud'
import { AppError, precondition } from '../../../server/errors'
import { action } from '../../../server/handler'
import { findActivity } from './store'

export const posterCode = action({
  input: posterCodeInput,
  who: 'worker',
  run: async (args): Promise<PosterCode> => {
    const activity = await findActivity(args.id)
    if (activity.status === 'cancelled') throw precondition('这个活动已经取消了，不能再做海报')
    const scene = activityScene(activity._id)
    if (scene.length > SCENE_MAX) throw precondition('这个活动的编号太长，无法生成小程序码')
    let res: { buffer: Buffer | Uint8Array; contentType?: string }
    try {
      res = (await cloud.openapi.wxacode.getUnlimited({
        scene,
        page: POSTER_PAGE,
        width: 430,
        checkPath: false,
      })) as { buffer: Buffer | Uint8Array; contentType?: string }
    } catch (err) {
      console.error('wxacode.getUnlimited failed', err)
      throw new AppError('internal', '暂时无法生成小程序码，请稍后再试')
    }
    const type = res.contentType || 'image/png'
    return { image: `data:${type};base64,${Buffer.from(res.buffer).toString('base64')}` }
  },
})
