/**
 * `@tarojs/taro` as Taro's H5 build sees it. The build's loaders merge the H5 APIs into the default export and
 * add the React lifecycle hooks; Jest runs no loaders, so this module does the same by hand.
 */
import * as React from 'react'
import * as ReactDOM from 'react-dom'
import * as h5 from '@tarojs/taro-h5'
import * as hooks from '@tarojs/plugin-framework-react/dist/runtime'

// Hands React to the hooks, as the app's entry does on H5.
hooks.createH5NativeComponentConfig(null, React, ReactDOM)

const Taro = h5.default as unknown as Record<string, unknown>
for (const [name, value] of Object.entries(h5)) {
  if (name !== 'default' && !(name in Taro)) Taro[name] = value
}
const HOOKS = [
  'useDidHide',
  'useDidShow',
  'useLaunch',
  'useLoad',
  'usePullDownRefresh',
  'useReachBottom',
  'useReady',
  'useRouter',
  'useShareAppMessage',
  'useShareTimeline',
  'useUnload',
] as const
for (const name of HOOKS) Taro[name] = hooks[name]

// The pages' own calls to the emulator, counted so that a test can let them answer before it makes its own
// (support/app.ts `callAs`): an answer landing while the test awaits something else is an update outside act.
let callsInFlight = 0
const send = Taro.request as (options: unknown) => Promise<unknown>
Taro.request = (options: unknown) => {
  const task = send(options)
  callsInFlight += 1
  // Counted down before the caller's own continuation runs (reactions run in the order they were added).
  const done = () => {
    callsInFlight -= 1
  }
  task.then(done, done)
  return task
}
export const pageCallsInFlight = () => callsInFlight

// A page rendered alone has no router and so no page stack: going back leads to the fallback page.
Taro.getCurrentPages = () => []

// What the H5 entry does with config/index.ts's designWidth and deviceRatio (taro-ui sizes things with it).
h5.initPxTransform({ designWidth: 750, deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 } })

export * from '@tarojs/taro-h5'
export {
  useDidHide,
  useDidShow,
  useLaunch,
  useLoad,
  usePullDownRefresh,
  useReachBottom,
  useReady,
  useRouter,
  useShareAppMessage,
  useShareTimeline,
  useUnload,
} from '@tarojs/plugin-framework-react/dist/runtime'
export default Taro
