import Taro from '@tarojs/taro'

/** Paths of the pages, as Taro's navigation APIs take them. */
export const ROUTES = {
  home: '/pages/home/index',
  me: '/pages/me/index',
  editProfile: '/packages/profile/pages/edit/index',
  volunteerApply: '/packages/profile/pages/volunteer-apply/index',
  volunteerReview: '/packages/worker/pages/volunteer-review/index',
} as const

/** Tab pages open with switchTab; the others are pushed on the page stack. */
const TAB_PAGES: readonly string[] = [ROUTES.home, ROUTES.me]

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
