/** The subscription message of an activity (kept as a notice too): its participants hear when it is called off. No address in it. */
import type { ActivityRecord, SignupRecord } from '../../../types/records'
import { _, db } from '../../../server/cloud'
import { shanghaiMinute } from '../../../types/time'
import { notifyAll, thing } from '../../../server/notify'

/** A server read answers at most 100 documents; participants are read in pages of that size. */
const BATCH = 100

/** Tells everyone who still holds a place (signed up or checked in) that the activity was cancelled. */
export async function tellCancelled(activity: ActivityRecord): Promise<number> {
  const when = shanghaiMinute(activity.startAt)
  let told = 0
  let last = ''
  for (;;) {
    const page = await db
      .collection<SignupRecord>('signups')
      .where({ activityId: activity._id, state: _.in(['signed', 'checked-in']), _id: _.gt(last) })
      .orderBy('_id', 'asc')
      .limit(BATCH)
      .get()
    told += await notifyAll(
      page.data.map((s) => ({
        touser: s.openid,
        template: 'TEMPLATE_ACTIVITY_CHANGE',
        page: 'packages/corners/pages/mine/index',
        data: {
          thing1: thing(activity.title),
          time2: { value: when },
          thing3: thing('活动已取消，名额已释放，不用再到现场'),
        },
        notice: {
          title: `活动已取消：${activity.title}`,
          body: `原定${when}开始。您的名额已释放，不用再到现场。`,
        },
        event: `activity-cancelled:${activity._id}`,
      })),
    )
    if (page.data.length < BATCH) return told
    last = page.data[page.data.length - 1]._id
  }
}
