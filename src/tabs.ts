/**
 * The tabs, in order: app.config.ts builds the tab bar from them, and on WeChat the app's own bar
 * (custom-tab-bar) draws them. No Taro import: the build reads this file while reading app.config.ts.
 * To add a tab, add one entry (and its two 81×81 PNG icons in assets/tab/).
 */
export const TABS = [
  { pagePath: 'pages/home/index', text: '首页', icon: 'home' },
  { pagePath: 'pages/activities/index', text: '活动', icon: 'activities' },
  { pagePath: 'pages/needs/index', text: '求助', icon: 'needs' },
  { pagePath: 'pages/points/index', text: '积分', icon: 'points' },
  { pagePath: 'pages/me/index', text: '我的', icon: 'me' },
] as const

/** A tab's icon in the build, on or off. */
export function tabIcon(tab: (typeof TABS)[number], on: boolean): string {
  return `assets/tab/${tab.icon}${on ? '-active' : ''}.png`
}
