export default definePageConfig({
  navigationBarTitleText: '求助',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
})
