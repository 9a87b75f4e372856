export default definePageConfig({
  navigationBarTitleText: '服务记录与证明',
  enablePullDownRefresh: true,
})
