/** The unread count of 消息 as a red badge on the 我的 tab. */
import Taro from '@tarojs/taro'
import { ROUTES, TAB_PAGES } from '@/routes'
import { listNotices } from '@/services/user'

const ME_TAB = TAB_PAGES.indexOf(ROUTES.me)

export function showUnreadBadge(unread: number): void {
  try {
    const done =
      unread > 0
        ? Taro.setTabBarBadge({ index: ME_TAB, text: unread > 99 ? '99+' : String(unread) })
        : Taro.removeTabBarBadge({ index: ME_TAB })
    Promise.resolve(done).catch(() => undefined)
  } catch {
    // Not on a tab page, or no tab bar here: nothing to show it on.
  }
}

/** Asks how many notices are unread, shows it on the tab and answers it (0 when it cannot be read). */
export async function refreshUnreadBadge(): Promise<number> {
  try {
    const { unread } = await listNotices({ limit: 1 })
    showUnreadBadge(unread)
    return unread
  } catch {
    return 0
  }
}
