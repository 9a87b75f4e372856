/**
 * The 我的 tab's badge (utils/tab-bar.ts draws it on either build): unread 消息 and, for a volunteer, needs
 * dispatched to them not yet seen, a new task's own dispatch notice counted once (`user.notices` `badge`).
 */
import type { NoticePage } from '@shared/notices'
import { ROUTES } from '@/routes'
import { listNotices } from '@/services/user'
import { setTabBadge } from '@/utils/tab-bar'

export interface NoticeCounts {
  unread: number
  newTasks: number
}

/** What the badge counts besides unread notices (new tasks whose notice is read), as last answered. */
let besidesUnread = 0

/** Shows the tab's badge as `user.notices` answered it. */
export function showNoticeBadge(page: Pick<NoticePage, 'unread' | 'badge'>): void {
  besidesUnread = Math.max(0, page.badge - page.unread)
  setTabBadge(ROUTES.me, page.badge)
}

/** After notices were marked read: `unread` left, with the new tasks last counted. */
export function showUnreadBadge(unread: number): void {
  setTabBadge(ROUTES.me, unread + besidesUnread)
}

/** Asks how many notices are unread and tasks new, shows the tab's badge and answers them (0 when unreadable). */
export async function refreshUnreadBadge(): Promise<NoticeCounts> {
  try {
    const page = await listNotices({ limit: 1 })
    showNoticeBadge(page)
    return { unread: page.unread, newTasks: page.newTasks }
  } catch {
    return { unread: 0, newTasks: 0 }
  }
}
