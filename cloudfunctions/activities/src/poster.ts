/**
 * `activities.posterCode`: the mini-program code of an activity's poster (`wxacode.getUnlimited`), which opens the
 * activity's page with the activity in `scene`, and the picture for the poster's top: the activity's cover, else
 * its project's, else its corner's.
 */
import {
  activityScene,
  POSTER_PAGE,
  type PosterCode,
  posterCodeInput,
  SCENE_MAX,
} from '../../../types/activities'
import type { ActivityRecord } from '../../../types/records'
import { cloud } from '../../../server/cloud'
import { coverUrls } from '../../../server/covers'
import { byId } from '../../../server/docs'
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
    const cover = await posterCover(activity)
    const coverUrl = cover ? ((await coverUrls([{ _id: activity._id, cover }])).get(cover) ?? null) : null
    return { image: `data:${type};base64,${Buffer.from(res.buffer).toString('base64')}`, coverUrl }
  },
})

/** The first cover of the activity, its project and its corner (at most 2 reads), or null. */
async function posterCover(activity: ActivityRecord): Promise<string | null> {
  if (activity.cover) return activity.cover
  for (const [collection, id] of [
    ['projects', activity.projectId],
    ['corners', activity.cornerId],
  ] as const) {
    const cover = id ? (await byId<{ cover?: string | null }>(collection, id))?.cover : null
    if (cover) return cover
  }
  return null
}
