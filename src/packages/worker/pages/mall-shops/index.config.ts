export default definePageConfig({
  navigationBarTitleText: '商户与商品',
  enablePullDownRefresh: true,
})
