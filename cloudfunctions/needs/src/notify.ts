/** The subscription messages of a need's life, kept as notices too; none carries an address or a phone number. */
import { NEED_STATUS_LABELS } from '../../../types/needs'
import type { NeedRecord } from '../../../types/records'
import { dispatchEvent } from '../../../server/dispatches'
import { notify, notifyAll, thing, type Message } from '../../../server/notify'

function page(need: NeedRecord): string {
  return `packages/needs/pages/detail/index?id=${need._id}`
}

/** What happened to the need (approved, rejected, claimed, completed…), for its requester. */
function requesterMessage(need: NeedRecord, what: string): Message {
  const status = NEED_STATUS_LABELS[need.status]
  return {
    touser: need.requester.openid,
    template: 'TEMPLATE_NEED_STATUS',
    page: page(need),
    data: { thing1: thing(need.title), phrase2: { value: status }, thing3: thing(what) },
    notice: { title: `求助「${need.title}」${status}`, body: what },
    event: `need:${need._id}:${need.status}:${need.updatedAt}`,
  }
}

/** Tells the requester what happened to their need. */
export function tellRequester(need: NeedRecord, what: string): Promise<boolean> {
  return notify(requesterMessage(need, what))
}

/** Tells a volunteer that a worker dispatched a need to them, and its requester who will serve them. */
export function tellDispatched(need: NeedRecord): Promise<number> {
  const assignee = need.assignee!
  return notifyAll([
    {
      touser: assignee.openid,
      template: 'TEMPLATE_NEED_DISPATCH',
      page: page(need),
      data: {
        thing1: thing(need.title),
        thing2: thing(need.preferredTime || '请尽快联系'),
        thing3: thing('社工给您派了一个需求，请查看详情'),
      },
      notice: {
        title: `社工派给您一个求助：${need.title}`,
        body: `${need.preferredTime ? `希望的时间：${need.preferredTime}。` : ''}请打开查看详情，尽快联系求助的邻居。`,
      },
      // needs.seen marks this notice read with the dispatch it tells of.
      event: dispatchEvent(need._id, need.dispatchedAt!),
    },
    requesterMessage(need, `志愿者${assignee.nickname}将为您服务`),
  ])
}
