/** Volunteers claim open needs (one wins however many race), release them, and complete them. */
import { claimNeedInput, completeNeedInput, releaseNeedInput, type Need } from '../../../types/needs'
import { denied, precondition } from '../../../server/errors'
import { action } from '../../../server/handler'
import { displayName } from '../../../server/users'
import { tellRequester } from './notify'
import { changeNeed } from './store'
import { toNeed } from './views'

export const claim = action({
  input: claimNeedInput,
  who: 'volunteer',
  run: async (args, caller): Promise<Need> => {
    const need = await changeNeed(args.id, async (n) => {
      if (n.status !== 'open')
        throw precondition(
          n.status === 'assigned' ? '手慢了，这个需求已经被别人接了' : '这个需求现在不能接单',
        )
      if (n.requester.openid === caller.openid) throw precondition('不能接自己发布的需求')
      return { status: 'assigned', assignee: { openid: caller.openid, nickname: displayName(caller.user!) } }
    })
    await tellRequester(need, `志愿者${need.assignee!.nickname}接单了，会尽快联系您`)
    return toNeed(need, caller)
  },
})

export const release = action({
  input: releaseNeedInput,
  run: async (args, caller): Promise<Need> => {
    const need = await changeNeed(args.id, async (n) => {
      if (n.assignee?.openid !== caller.openid) throw denied('只有接单的志愿者可以放弃这个需求')
      if (n.status !== 'assigned') throw precondition('这个需求现在不能放弃')
      return { status: 'open', assignee: null }
    })
    return toNeed(need, caller)
  },
})

export const complete = action({
  input: completeNeedInput,
  run: async (args, caller): Promise<Need> => {
    const need = await changeNeed(args.id, async (n) => {
      if (n.assignee?.openid !== caller.openid) throw denied('只有接单的志愿者可以完成这个需求')
      if (n.status !== 'assigned') throw precondition('这个需求现在不能标记完成')
      return { status: 'done', minutes: args.minutes, completionNote: args.note ?? '' }
    })
    await tellRequester(need, '志愿者已完成服务，请确认并评价')
    return toNeed(need, caller)
  },
})
