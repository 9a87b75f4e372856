export default definePageConfig({
  navigationBarTitleText: '全部需求',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
})
