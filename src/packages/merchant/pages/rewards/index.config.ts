export default definePageConfig({
  navigationBarTitleText: '商品照片',
  enablePullDownRefresh: true,
})
