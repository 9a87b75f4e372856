export default definePageConfig({
  navigationBarTitleText: '公益角',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
