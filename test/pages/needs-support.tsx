/** What the needs page tests share: acting as a demo person by openid, opening a need's page, posting one. */
import { render } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import type { Need } from '@shared/needs'
import type { Role } from '@shared/user'
import NeedDetailPage from '@/packages/needs/pages/detail'
import { actAs, callAs } from './support/app'
import type { Emulator } from './support/emulator'

export const RESIDENT = 'demo-resident-li'
export const WORKER = 'demo-worker-liu'
export const VOLUNTEER = 'demo-volunteer-zhang'
export const OTHER_VOLUNTEER = 'demo-volunteer-chen'

export const ADDRESS = '槐中路社区2栋2单元201'
export const PHONE = '13912345678'

/** The app acts as the demo person `openid` from now on. */
export async function become(emulator: Emulator, openid: string): Promise<void> {
  const identity = (await emulator.identities()).find((i) => i.openid === openid)
  if (!identity) throw new Error(`the demo seed has no identity ${openid}`)
  actAs({ ...identity, role: identity.role as Role })
}

/** What Taro's router tells the next page rendered about its address (`useRouter()`). */
export function routeTo(path: string, params: Record<string, string> = {}): void {
  Current.router = { path, params } as unknown as typeof Current.router
}

/** Renders a need's page as a navigation to `…/detail/index?id=<id>` would. */
export function openDetail(id: string) {
  routeTo('/packages/needs/pages/detail/index', { id })
  return render(<NeedDetailPage />)
}

/** The resident posts a need through the function (not the form). */
export function postNeed(emulator: Emulator, title: string, urgent = false): Promise<Need> {
  return callAs<Need>(
    emulator,
    RESIDENT,
    {
      action: 'create',
      category: 'errand',
      title,
      description: '腿脚不方便，想请人帮忙买点青菜和鸡蛋。',
      urgency: urgent ? 'urgent' : 'normal',
      address: ADDRESS,
      contactPhone: PHONE,
      preferredTime: '周六上午',
    },
    'needs',
  )
}

/** The resident posts a need, a worker approves it and dispatches it to `volunteer`. */
export async function dispatchedNeed(emulator: Emulator, title: string, volunteer: string): Promise<Need> {
  const need = await postNeed(emulator, title)
  await needs(emulator, WORKER, { action: 'review', id: need.id, approve: true })
  return needs(emulator, WORKER, { action: 'dispatch', id: need.id, volunteerOpenid: volunteer })
}

/** Calls the needs function as `openid`, failing the test on an error envelope. */
export function needs<T = Need>(emulator: Emulator, openid: string, data: object): Promise<T> {
  return callAs<T>(emulator, openid, data, 'needs')
}
