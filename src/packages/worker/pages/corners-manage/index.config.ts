export default definePageConfig({
  navigationBarTitleText: '公益角管理',
  enablePullDownRefresh: true,
})
