import { type PropsWithChildren } from 'react'
import Taro, { useDidShow, useLaunch } from '@tarojs/taro'
import { sendWaitingVisits, watchNetworkForVisits } from './services/care-visits'
import { listenForPrivacyQuestions } from './services/privacy'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
    }
    // 隐私授权: WeChat asks the app's own sheet before any private feature is used.
    listenForPrivacyQuestions()
    // 爱心敲门: visits recorded without a network go out when it returns.
    watchNetworkForVisits()
  })
  // …and whenever the app comes back to the front.
  useDidShow(() => sendWaitingVisits())
  return children
}

export default App
