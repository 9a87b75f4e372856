/** The subscription messages of a need's life; none carries an address or a phone number. */
import { NEED_STATUS_LABELS } from '../../../types/needs'
import type { NeedRecord } from '../../../types/records'
import { notify, thing } from '../../../server/notify'

function page(need: NeedRecord): string {
  return `packages/needs/pages/detail/index?id=${need._id}`
}

/** Tells the requester what happened to their need (approved, rejected, claimed, completed…). */
export function tellRequester(need: NeedRecord, what: string): Promise<boolean> {
  return notify({
    touser: need.requester.openid,
    template: 'TEMPLATE_NEED_STATUS',
    page: page(need),
    data: {
      thing1: thing(need.title),
      phrase2: { value: NEED_STATUS_LABELS[need.status] },
      thing3: thing(what),
    },
  })
}

/** Tells a volunteer that a worker dispatched a need to them. */
export function tellDispatched(need: NeedRecord): Promise<boolean> {
  return notify({
    touser: need.assignee!.openid,
    template: 'TEMPLATE_NEED_DISPATCH',
    page: page(need),
    data: {
      thing1: thing(need.title),
      thing2: thing(need.preferredTime || '请尽快联系'),
      thing3: thing('社工给您派了一个需求，请查看详情'),
    },
  })
}
