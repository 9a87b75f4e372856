export default definePageConfig({
  navigationBarTitleText: '核验志愿服务证明',
})
