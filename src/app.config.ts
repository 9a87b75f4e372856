/**
 * The tab pages live in the main package; screens for one role live in subpackages so that a resident's
 * first download stays small. The tabs are listed in tabs.ts.
 */
import { TABS, tabIcon } from './tabs'

export default defineAppConfig({
  pages: TABS.map((tab) => tab.pagePath),
  subPackages: [
    {
      root: 'packages/profile',
      pages: ['pages/edit/index', 'pages/volunteer-apply/index', 'pages/privacy/index'],
    },
    {
      root: 'packages/needs',
      pages: ['pages/create/index', 'pages/detail/index'],
    },
    {
      root: 'packages/volunteer',
      pages: ['pages/pool/index', 'pages/mine/index'],
    },
    {
      root: 'packages/worker',
      pages: [
        'pages/volunteer-review/index',
        'pages/needs-review/index',
        'pages/needs-all/index',
        'pages/needs-create/index',
        'pages/points-adjust/index',
        'pages/mall-shops/index',
        'pages/mall-settlement/index',
        'pages/corners-manage/index',
        'pages/activity-code/index',
        'pages/activity-attendance/index',
        'pages/activity-poster/index',
      ],
    },
    {
      // 数据 alone carries the chart library (@antv/f2): only a worker who opens it downloads it.
      root: 'packages/report',
      pages: ['pages/index/index'],
    },
    {
      root: 'packages/mall',
      pages: ['pages/catalog/index', 'pages/orders/index', 'pages/order/index'],
    },
    {
      root: 'packages/merchant',
      pages: ['pages/scan/index', 'pages/today/index', 'pages/rewards/index'],
    },
    {
      // Each role's own home: 消息, a worker's 工作台, a volunteer's 我的任务.
      root: 'packages/homes',
      pages: ['pages/notices/index', 'pages/workbench/index', 'pages/tasks/index'],
    },
    {
      root: 'packages/corners',
      pages: ['pages/corner/index', 'pages/project/index', 'pages/activity/index', 'pages/mine/index'],
    },
    {
      // 服务记录 and 志愿服务证明; verify is public (opened by a certificate's QR code).
      root: 'packages/service',
      pages: ['pages/record/index', 'pages/certificate/index', 'pages/verify/index'],
    },
    {
      root: 'packages/care',
      pages: [
        'pages/due/index',
        'pages/visit/index',
        'pages/recipient/index',
        'pages/roster/index',
        'pages/edit/index',
        'pages/teams/index',
        'pages/door/index',
        'pages/overview/index',
      ],
    },
  ],
  window: {
    // WeChat draws this bar anyway; in the browser Taro draws it only when asked: the page's title and a back button.
    navigationStyle: 'default',
    navigationBarTitleText: '小社 · 邻里公益',
    navigationBarBackgroundColor: '#d9482b',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f3ee',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    // On WeChat the app draws the bar (custom-tab-bar): WeChat's own keeps 10 px labels in 关怀模式. The browser
    // build keeps Taro's bar, which grows with 关怀模式 through app.scss.
    custom: process.env.TARO_ENV === 'weapp',
    color: '#555555',
    selectedColor: '#d9482b',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: TABS.map((tab) => ({
      pagePath: tab.pagePath,
      text: tab.text,
      iconPath: tabIcon(tab, false),
      selectedIconPath: tabIcon(tab, true),
    })),
  },
  // The main package is small; fetch the subpackages a person is likely to open next in the background.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packages/corners'] },
    'pages/activities/index': { network: 'all', packages: ['packages/corners'] },
    'pages/me/index': { network: 'all', packages: ['packages/profile', 'packages/homes'] },
    'pages/needs/index': { network: 'all', packages: ['packages/needs'] },
  },
  // 首页 sorts the corners by distance; workers pick a new corner's place on the map.
  permission: { 'scope.userLocation': { desc: '用来找到离您最近的街头公益角' } },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  // WeChat holds location, camera, album and phone number until the person agrees on the app's own sheet
  // (services/privacy.ts, components/privacy-sheet).
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
})
