export default definePageConfig({
  navigationBarTitleText: '待审核需求',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
})
