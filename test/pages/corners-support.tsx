/** What the 街头公益角 page tests share: acting as a demo person, the phone's location, opening a page by its address. */
import { render } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import type { Activity, CheckinCode, UpsertActivityInput } from '@shared/activities'
import type { Corner, LatLng } from '@shared/corners'
import type { Role } from '@shared/user'
import { rememberAgreementInBrowser } from '@/services/privacy'
import { actAs, callAs } from './support/app'
import type { Emulator } from './support/emulator'

/** 李建国: signed up for the activity going on now at 怀特商城 (石门百景), among others. */
export const RESIDENT = 'demo-resident-li'
/** 赵丽: holds no place in any coming activity. */
export const NEWCOMER = 'demo-resident-zhao'
export const WORKER = 'demo-worker-liu'

/** The demo activity going on now (started 40–50 minutes ago), where 李建国 holds a place. */
export const ONGOING = 'demo-act-now-shimen'

/** The app acts as the demo person `openid` from now on. */
export async function become(emulator: Emulator, openid: string): Promise<void> {
  const identity = (await emulator.identities()).find((i) => i.openid === openid)
  if (!identity) throw new Error(`the demo seed has no identity ${openid}`)
  actAs({ ...identity, role: identity.role as Role })
}

/** Renders `Page` as a navigation to `path?params` would. */
export function openAt(Page: () => JSX.Element, path: string, params: Record<string, string> = {}) {
  Current.router = { path, params } as unknown as typeof Current.router
  return render(<Page />)
}

/** The phone reports this GPS (WGS-84) point, as a browser would, to a person who agreed to the privacy policy. */
export function phoneIsAt(point: LatLng): jest.SpyInstance {
  rememberAgreementInBrowser()
  return jest.spyOn(Taro, 'getLocation').mockImplementation(((options: { type?: string }) => {
    expect(options.type).toBe('wgs84')
    return Promise.resolve({
      latitude: point.lat,
      longitude: point.lng,
      accuracy: 20,
      altitude: 0,
      horizontalAccuracy: 20,
      verticalAccuracy: 0,
      speed: 0,
      errMsg: 'getLocation:ok',
    })
  }) as unknown as typeof Taro.getLocation)
}

/** The person agreed to the privacy policy but refuses to tell where they are. */
export function locationRefused(): jest.SpyInstance {
  rememberAgreementInBrowser()
  return jest
    .spyOn(Taro, 'getLocation')
    .mockImplementation((() =>
      Promise.reject({ errMsg: 'getLocation:fail auth deny' })) as unknown as typeof Taro.getLocation)
}

export function corners<T>(emulator: Emulator, openid: string, data: object): Promise<T> {
  return callAs<T>(emulator, openid, data, 'corners')
}

export function activities<T>(emulator: Emulator, openid: string, data: object): Promise<T> {
  return callAs<T>(emulator, openid, data, 'activities')
}

/** The corners nearest first from `near`, as the function lists them. */
export async function cornersNear(emulator: Emulator, near: LatLng): Promise<Corner[]> {
  return (await corners<{ items: Corner[] }>(emulator, RESIDENT, { action: 'list', near })).items
}

/** The code the worker's screen shows now. */
export async function currentCode(emulator: Emulator, activityId: string): Promise<string> {
  return (await activities<CheckinCode>(emulator, WORKER, { action: 'checkinCode', id: activityId })).code
}

/** A worker publishes an activity of `projectId` starting `inHours` from now, lasting two hours. */
export function publishActivity(
  emulator: Emulator,
  fields: Partial<UpsertActivityInput> & { projectId: string; title: string },
  inHours = 48,
): Promise<Activity> {
  const startAt = Math.ceil((Date.now() + inHours * 3600_000) / 600_000) * 600_000
  return activities<Activity>(emulator, WORKER, {
    action: 'upsert',
    location: '世纪公园公益角',
    startAt,
    endAt: startAt + 2 * 3600_000,
    capacity: 5,
    pointsPerHour: 10,
    ...fields,
  })
}
