export default definePageConfig({
  navigationBarTitleText: '小社 · 邻里公益',
  enablePullDownRefresh: true,
})
