export default definePageConfig({
  navigationBarTitleText: '关爱名单',
  enablePullDownRefresh: true,
})
