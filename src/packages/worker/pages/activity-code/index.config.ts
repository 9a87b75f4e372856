export default definePageConfig({
  navigationBarTitleText: '签到码',
  navigationBarBackgroundColor: '#b5361d',
  backgroundColor: '#b5361d',
})
