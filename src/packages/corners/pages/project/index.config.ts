export default definePageConfig({
  navigationBarTitleText: '公益项目',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
