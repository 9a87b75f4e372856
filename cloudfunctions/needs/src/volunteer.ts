/**
 * Volunteers claim open needs (one wins however many race), release them, and complete them (with up to 3 photos of the service). A volunteer
 * who released RELEASE_LIMIT needs within RELEASE_WINDOW_MS claims no more until a worker dispatches one to
 * them; each release is told to the requester and kept on the need for workers.
 */
import {
  RELEASE_LIMIT,
  RELEASE_WINDOW_MS,
  claimNeedInput,
  completeNeedInput,
  releaseNeedInput,
  type Need,
} from '../../../types/needs'
import type { NeedPhotoRecord, NeedRecord, UserRecord } from '../../../types/records'
import { _ } from '../../../server/cloud'
import { assertSafeText } from '../../../server/content'
import { denied, precondition } from '../../../server/errors'
import { action, type Caller } from '../../../server/handler'
import { readUser } from '../../../server/ledger'
import { removeFiles } from '../../../server/photos'
import { displayName } from '../../../server/users'
import { tellRequester } from './notify'
import { acceptPhotos } from './photos'
import { changeNeed, findNeed } from './store'
import { toNeed } from './views'

/** The volunteer's releases that still count at `now`. */
const recentReleases = (user: Pick<UserRecord, 'releasedAt'>, now: number) =>
  (user.releasedAt ?? []).filter((at) => at > now - RELEASE_WINDOW_MS)

export const claim = action({
  input: claimNeedInput,
  who: 'volunteer',
  run: async (args, caller): Promise<Need> => {
    const need = await changeNeed(args.id, async (n, _tx, now) => {
      if (n.status !== 'open')
        throw precondition(
          n.status === 'assigned' ? '手慢了，这个需求已经被别人接了' : '这个需求现在不能接单',
        )
      if (n.requester.openid === caller.openid) throw precondition('不能接自己发布的需求')
      if (recentReleases(caller.user!, now).length >= RELEASE_LIMIT)
        throw precondition(
          `您最近7天里已经放弃了${RELEASE_LIMIT}个需求，暂时不能自己接单。请联系社工站的社工，社工给您派一次单后就能恢复接单`,
        )
      return { status: 'assigned', assignee: { openid: caller.openid, nickname: displayName(caller.user!) } }
    })
    await tellRequester(need, `志愿者${need.assignee!.nickname}接单了，会尽快联系您`)
    return toNeed(need, caller)
  },
})

export const release = action({
  input: releaseNeedInput,
  run: async (args, caller): Promise<Need> => {
    const need = await changeNeed(args.id, async (n, tx, now) => {
      if (n.assignee?.openid !== caller.openid) throw denied('只有接单的志愿者可以放弃这个需求')
      if (n.status !== 'assigned') throw precondition('这个需求现在不能放弃')
      // Counted against the volunteer in the same transaction (claim reads it).
      const me = await readUser(tx, caller.openid)
      await tx
        .collection('users')
        .doc(caller.openid)
        .update({ data: { releasedAt: _.set([...recentReleases(me, now), now]), updatedAt: now } })
      const released = { openid: caller.openid, nickname: n.assignee.nickname, at: now }
      return {
        status: 'open',
        assignee: null,
        unseenBy: null,
        releases: [...(n.releases ?? []), released],
      }
    })
    await tellRequester(need, '志愿者已放弃，正在重新找志愿者')
    return toNeed(need, caller)
  },
})

/** Who may mark the need done, and when; the same answer before the photos are taken and in the transaction. */
function refuseCompletion(n: NeedRecord, caller: Caller): void {
  if (n.assignee?.openid !== caller.openid) throw denied('只有接单的志愿者可以完成这个需求')
  if (n.status !== 'assigned') throw precondition('这个需求现在不能标记完成')
}

export const complete = action({
  input: completeNeedInput,
  run: async (args, caller): Promise<Need> => {
    await assertSafeText(caller.openid, [args.note])
    let photos: NeedPhotoRecord[] = []
    if (args.photos?.length) {
      // Photos are checked only for the assignee of an assigned need, and only after the note.
      refuseCompletion(await findNeed(args.id), caller)
      photos = await acceptPhotos(caller.openid, args.photos)
    }
    const need = await changeNeed(args.id, async (n) => {
      refuseCompletion(n, caller)
      const done = { status: 'done' as const, minutes: args.minutes, completionNote: args.note ?? '' }
      return photos.length > 0 ? { ...done, completionPhotos: photos } : done
    }).catch(async (err: unknown) => {
      // Changed meanwhile (released, cancelled): the photos taken for it are not kept.
      await removeFiles(photos.map((p) => p.fileID))
      throw err
    })
    await tellRequester(need, '志愿者已完成服务，请确认并评价')
    return toNeed(need, caller)
  },
})
