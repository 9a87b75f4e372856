export default definePageConfig({
  navigationBarTitleText: '登记关爱对象',
})
