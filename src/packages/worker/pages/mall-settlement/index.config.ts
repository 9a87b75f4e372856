export default definePageConfig({
  navigationBarTitleText: '积分结算',
  enablePullDownRefresh: true,
})
