export default definePageConfig({
  navigationBarTitleText: '门牌码',
})
