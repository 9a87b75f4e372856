export default definePageConfig({
  navigationBarTitleText: '爱心敲门',
  enablePullDownRefresh: true,
})
