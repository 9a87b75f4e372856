import Taro from '@tarojs/taro'

import { ROUTES } from './route-paths'
import { TABS } from './tabs'

export { ROUTES }

/** Tab pages open with switchTab; the others are pushed on the page stack. */
export const TAB_PAGES: readonly string[] = TABS.map((tab) => `/${tab.pagePath}`)

export function openPage(url: string): void {
  const opening = TAB_PAGES.includes(url) ? Taro.switchTab({ url }) : Taro.navigateTo({ url })
  // A failed navigation (e.g. a full page stack) leaves the person where they are; nothing to report.
  opening.catch(() => undefined)
}

/** Back to where the person came from, or to 我的 when the page was opened directly (e.g. on H5). */
export function goBack(fallback: string = ROUTES.me): void {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack().catch(() => openPage(fallback))
  else openPage(fallback)
}
