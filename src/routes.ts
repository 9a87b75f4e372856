import Taro from '@tarojs/taro'

/** Paths of the pages, as Taro's navigation APIs take them. */
export const ROUTES = {
  home: '/pages/home/index',
  me: '/pages/me/index',
  needs: '/pages/needs/index',
  needCreate: '/packages/needs/pages/create/index',
  needDetail: '/packages/needs/pages/detail/index',
  needPool: '/packages/volunteer/pages/pool/index',
  needsAssigned: '/packages/volunteer/pages/mine/index',
  needsReview: '/packages/worker/pages/needs-review/index',
  needsAll: '/packages/worker/pages/needs-all/index',
  needCreateOnBehalf: '/packages/worker/pages/needs-create/index',
  editProfile: '/packages/profile/pages/edit/index',
  volunteerApply: '/packages/profile/pages/volunteer-apply/index',
  volunteerReview: '/packages/worker/pages/volunteer-review/index',
  points: '/pages/points/index',
  pointsAdjust: '/packages/worker/pages/points-adjust/index',
  mall: '/packages/mall/pages/catalog/index',
  mallOrders: '/packages/mall/pages/orders/index',
  mallOrder: '/packages/mall/pages/order/index',
  merchantScan: '/packages/merchant/pages/scan/index',
  merchantToday: '/packages/merchant/pages/today/index',
  mallShops: '/packages/worker/pages/mall-shops/index',
  mallSettlement: '/packages/worker/pages/mall-settlement/index',
  corner: '/packages/corners/pages/corner/index',
  project: '/packages/corners/pages/project/index',
  myActivities: '/packages/corners/pages/mine/index',
  cornersManage: '/packages/worker/pages/corners-manage/index',
  activityCode: '/packages/worker/pages/activity-code/index',
  activityAttendance: '/packages/worker/pages/activity-attendance/index',
} as const

/** Tab pages open with switchTab; the others are pushed on the page stack. */
const TAB_PAGES: readonly string[] = [ROUTES.home, ROUTES.needs, ROUTES.points, ROUTES.me]

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
