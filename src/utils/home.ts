/**
 * Each role's own home: what 我的 puts first for a social worker (工作台), a shopkeeper (核销), a volunteer (我的任务)
 * or a resident. A person with several roles picks which one they see; the choice is remembered on the phone.
 */
import Taro from '@tarojs/taro'
import type { Me, Role } from '@shared/user'

export type Home = Role

export const HOME_LABELS: Record<Home, string> = {
  worker: '社工工作台',
  merchant: '商户核销',
  volunteer: '志愿者任务',
  resident: '居民',
}

/** Which home a role holder sees first when they have not chosen. */
const PREFERENCE: readonly Home[] = ['worker', 'merchant', 'volunteer', 'resident']
const STORAGE_KEY = 'xiaoshe:home'

/** The homes this person may see, the default first. A shopkeeper's staff role needs its shop. */
export function homesOf(me: Me): Home[] {
  return PREFERENCE.filter(
    (home) =>
      home === 'resident' || (me.roles.includes(home) && (home !== 'merchant' || Boolean(me.merchantId))),
  )
}

function remembered(): string {
  try {
    return String(Taro.getStorageSync(STORAGE_KEY) || '')
  } catch {
    return ''
  }
}

/** The home chosen on this phone, if this person still holds it; else the first of their homes. */
export function currentHome(me: Me): Home {
  const homes = homesOf(me)
  const chosen = remembered()
  return homes.find((home) => home === chosen) ?? homes[0]
}

export function chooseHome(home: Home): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, home)
  } catch {
    // Storage full or unavailable: the default home is shown next time.
  }
}
