/**
 * Runs the real weapp build (dist/) inside miniprogram-simulate: the mini-program globals (App, getApp, Page,
 * getCurrentPages, wx.cloud) are provided here, pages are rendered with WeChat's own template compiler, and
 * `wx.cloud.callFunction` goes over HTTP to a real emulator's `/fn/<name>` as the chosen WeChat user — the same
 * functions the app reaches in WeChat.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import simulate from 'miniprogram-simulate'
import { startEmulator, type Emulator } from '../../pages/support/emulator'

export const DIST = path.resolve(__dirname, '..', '..', '..', 'dist')

type AnyFunction = (...args: unknown[]) => unknown
type Options = Record<string, unknown>

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    throw new Error('dist/ has no weapp build: run `npm run build:weapp` before these tests')
  }
}

const cloud = {
  url: '',
  openid: null as string | null,
  calls: [] as { name: string; data: unknown }[],
}

/** Who the WeChat user is for the next calls, and which emulator answers them. */
export function connect(url: string, openid: string | null): void {
  cloud.url = url
  cloud.openid = openid
}

export function cloudCalls(): { name: string; data: unknown }[] {
  return cloud.calls
}

/** wx.cloud as the platform offers it: promise style, or callbacks when given. */
const wxCloud = {
  init: () => undefined,
  async callFunction(options: { name: string; data?: unknown } & Options) {
    const { name, data = {} } = options
    cloud.calls.push({ name, data })
    try {
      const response = await fetch(`${cloud.url}/fn/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(cloud.openid ? { 'x-wx-openid': cloud.openid } : {}),
        },
        body: JSON.stringify(data),
      })
      const result = {
        result: await response.json(),
        errMsg: 'cloud.callFunction:ok',
        requestID: 'simulated',
      }
      ;(options.success as AnyFunction | undefined)?.(result)
      ;(options.complete as AnyFunction | undefined)?.(result)
      return result
    } catch (error) {
      const failure = { errCode: -1, errMsg: `cloud.callFunction:fail ${String(error)}` }
      ;(options.fail as AnyFunction | undefined)?.(failure)
      ;(options.complete as AnyFunction | undefined)?.(failure)
      throw failure
    }
  },
}

/** The phone's own folder for files (wx.env.USER_DATA_PATH), kept in a temporary folder of this test. */
const USER_DATA_PATH = 'wxfile://usr'
const FILES = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-files-'))

/** Where a `wxfile://usr/…` path of the simulated phone is on this machine. */
export function localFile(filePath: string): string {
  return path.join(FILES, filePath.slice(USER_DATA_PATH.length))
}

const navigations: { api: string; url: string }[] = []

/** Each wx.requestSubscribeMessage: the templates asked for, and how many cloud calls had been made before. */
const subscriptions: { tmplIds: string[]; callsBefore: number }[] = []

export function subscriptionRequests(): { tmplIds: string[]; callsBefore: number }[] {
  return subscriptions
}

/** Calls of the phone's own features (maps, calls, the clipboard) with what they were asked, newest last. */
const deviceCalls: { api: string; options: Record<string, unknown> }[] = []

export function deviceCallLog(): { api: string; options: Record<string, unknown> }[] {
  return deviceCalls
}

/**
 * WeChat's privacy authorization as the platform runs it: while the person has not agreed, a privacy API
 * (here `chooseLocation`, `getLocation`, `chooseImage`, and `requirePrivacyAuthorize` itself) calls the app's
 * `onNeedPrivacyAuthorization` listener and waits; `resolve({ event: 'agree', buttonId })` lets it go on only
 * if the button with that id had its agreePrivacyAuthorization event, `'disagree'` fails it. The person has
 * agreed unless a test says otherwise (`privacyNotYetAgreed`).
 */
const privacy = {
  agreed: true,
  listener: null as AnyFunction | null,
  agreeTapped: new Set<string>(),
  asked: [] as string[],
}

/** From now on the person has not agreed to the mini-program's privacy policy. */
export function privacyNotYetAgreed(): void {
  privacy.agreed = false
  privacy.agreeTapped.clear()
}

/** What asked the listener so far ('chooseLocation', 'requirePrivacyAuthorize', …), and whether agreed now. */
export function privacyLog(): { asked: string[]; agreed: boolean } {
  return { asked: privacy.asked, agreed: privacy.agreed }
}

/** Taps the `<button open-type="agreePrivacyAuthorization">` with this id, as WeChat delivers that tap. */
export function tapAgreePrivacy(page: RenderedPage, buttonId: string): void {
  const button = page.querySelector(`#${buttonId}`)
  if (!button) throw new Error(`no button #${buttonId} on the page`)
  privacy.agreeTapped.add(buttonId)
  button.dispatchEvent('agreeprivacyauthorization')
}

/** Runs `go` once the person agrees (at once if they had), or fails the call as WeChat does. */
function behindPrivacy(api: string, options: Options, go: () => void): void {
  if (privacy.agreed || !privacy.listener) return go()
  privacy.asked.push(api)
  privacy.listener(
    (answer: { event: string; buttonId?: string }) => {
      if (answer.event === 'agree' && answer.buttonId && privacy.agreeTapped.has(answer.buttonId)) {
        privacy.agreed = true
        go()
      } else if (answer.event !== 'exposureAuthorization') {
        const failure = { errMsg: `${api}:fail privacy permission is not authorized` }
        ;(options.fail as AnyFunction | undefined)?.(failure)
        ;(options.complete as AnyFunction | undefined)?.(failure)
      }
    },
    { referrer: api },
  )
}

/** The place the person picks on WeChat's map next (`chooseLocation`). */
let nextPlace = { latitude: 38.0301, longitude: 114.5202, name: '槐中路社区', address: '裕华区槐中路社区2栋' }
export function placeToPick(place: typeof nextPlace): void {
  nextPlace = place
}

/** The navigation calls pages made (navigateTo, switchTab, …), newest last. */
export function navigationLog(): { api: string; url: string }[] {
  return navigations
}

const LIFECYCLES = ['onLoad', 'onShow', 'onReady', 'onHide', 'onUnload']
const pageStack: { route: string; instance: Options }[] = []
let appInstance: Options | null = null
let routeBeingLoaded = ''
let queryBeingLoaded: Record<string, string> = {}

/**
 * Installs the mini-program globals, loads dist/app.js and launches the app once per test file (each Jest test
 * file has its own module registry and globals).
 */
export function launchApp(): void {
  if (appInstance) return
  assertBuilt()
  const g = globalThis as unknown as Record<string, unknown>
  const wx = g.wx as Record<string, unknown>
  wx.cloud = wxCloud
  for (const api of ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack']) {
    wx[api] = (options: Options = {}) => {
      navigations.push({ api, url: String(options.url ?? '') })
      const result = { errMsg: `${api}:ok` }
      ;(options.success as AnyFunction | undefined)?.(result)
      ;(options.complete as AnyFunction | undefined)?.(result)
      return Promise.resolve(result)
    }
  }
  // WeChat's map, phone call and clipboard succeed; what they were asked is recorded.
  for (const api of ['openLocation', 'makePhoneCall', 'setClipboardData']) {
    wx[api] = (options: Options = {}) => {
      const { success, fail, complete, ...asked } = options
      deviceCalls.push({ api, options: asked })
      const result = { errMsg: `${api}:ok` }
      ;(success as AnyFunction | undefined)?.(result)
      ;(complete as AnyFunction | undefined)?.(result)
      void fail
      return Promise.resolve(result)
    }
  }
  // Files: wx.downloadFile fetches over HTTP into a folder standing for the phone's user data
  // (`wx.env.USER_DATA_PATH`); wx.openDocument opens what is there. Both are recorded with what they were asked.
  wx.env = { ...((wx.env as Options | undefined) ?? {}), USER_DATA_PATH }
  wx.downloadFile = (options: Options & { url: string; filePath?: string }) => {
    const { success, fail, complete, ...asked } = options
    deviceCalls.push({ api: 'downloadFile', options: asked })
    const run = async () => {
      const res = await fetch(encodeURI(options.url))
      const bytes = Buffer.from(await res.arrayBuffer())
      const target = options.filePath ?? `${USER_DATA_PATH}/download-${deviceCalls.length}`
      fs.mkdirSync(path.dirname(localFile(target)), { recursive: true })
      fs.writeFileSync(localFile(target), bytes)
      return { statusCode: res.status, filePath: target, tempFilePath: target, errMsg: 'downloadFile:ok' }
    }
    return run().then(
      (result) => {
        ;(success as AnyFunction | undefined)?.(result)
        ;(complete as AnyFunction | undefined)?.(result)
        return result
      },
      (error: unknown) => {
        const failure = { errMsg: `downloadFile:fail ${String(error)}` }
        ;(fail as AnyFunction | undefined)?.(failure)
        ;(complete as AnyFunction | undefined)?.(failure)
        throw failure
      },
    )
  }
  wx.openDocument = (options: Options & { filePath: string }) => {
    const { success, fail, complete, ...asked } = options
    deviceCalls.push({ api: 'openDocument', options: asked })
    const found = fs.existsSync(localFile(options.filePath))
    const result = { errMsg: found ? 'openDocument:ok' : 'openDocument:fail file not found' }
    ;((found ? success : fail) as AnyFunction | undefined)?.(result)
    ;(complete as AnyFunction | undefined)?.(result)
    return found ? Promise.resolve(result) : Promise.reject(result)
  }
  wx.onNeedPrivacyAuthorization = (listener: AnyFunction) => {
    privacy.listener = listener
  }
  wx.getPrivacySetting = (options: Options = {}) => {
    const result = {
      needAuthorization: !privacy.agreed,
      privacyContractName: '《小社隐私政策》',
      errMsg: 'getPrivacySetting:ok',
    }
    ;(options.success as AnyFunction | undefined)?.(result)
    ;(options.complete as AnyFunction | undefined)?.(result)
  }
  wx.requirePrivacyAuthorize = (options: Options = {}) =>
    behindPrivacy('requirePrivacyAuthorize', options, () => {
      const result = { errMsg: 'requirePrivacyAuthorize:ok' }
      ;(options.success as AnyFunction | undefined)?.(result)
      ;(options.complete as AnyFunction | undefined)?.(result)
    })
  // WeChat's map picker: held behind the privacy authorization, then the person picks `nextPlace`.
  wx.chooseLocation = (options: Options = {}) =>
    behindPrivacy('chooseLocation', options, () => {
      const { success, fail, complete, ...asked } = options
      deviceCalls.push({ api: 'chooseLocation', options: asked })
      const result = { ...nextPlace, errMsg: 'chooseLocation:ok' }
      ;(success as AnyFunction | undefined)?.(result)
      ;(complete as AnyFunction | undefined)?.(result)
      void fail
    })
  // The person accepts every notice asked for.
  wx.requestSubscribeMessage = (options: Options & { tmplIds: string[] }) => {
    subscriptions.push({ tmplIds: [...options.tmplIds], callsBefore: cloud.calls.length })
    const result: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' }
    for (const id of options.tmplIds) result[id] = 'accept'
    ;(options.success as AnyFunction | undefined)?.(result)
    ;(options.complete as AnyFunction | undefined)?.(result)
    return Promise.resolve(result)
  }
  // Taro gives a component `behaviors: {}` when it has none; WeChat takes that as none, the simulator wants a list.
  const component = g.Component as AnyFunction
  g.Component = (options: Options) =>
    component(Array.isArray(options.behaviors) ? options : { ...options, behaviors: [] })
  g.App = (options: Options) => {
    appInstance = options
  }
  g.getApp = () => appInstance
  g.getCurrentPages = () => pageStack.map((page) => page.instance)
  // A Page is simulated as a Component whose attachment runs the page's load, show and ready.
  g.Page = (options: Options) => {
    const route = routeBeingLoaded
    const query = queryBeingLoaded
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value
    ;(g.Component as AnyFunction)({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Options) {
          this.route = route
          this.__route__ = route
          pageStack.push({ route, instance: this })
          ;(this.onLoad as AnyFunction | undefined)?.call(this, query)
          for (const name of LIFECYCLES.slice(1, 3)) (this[name] as AnyFunction | undefined)?.call(this, {})
        },
        detached(this: Options) {
          ;(this.onUnload as AnyFunction | undefined)?.call(this)
          const index = pageStack.findIndex((page) => page.instance === this)
          if (index >= 0) pageStack.splice(index, 1)
        },
      },
    })
  }
  // The built app is CommonJS loaded at run time, as WeChat loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST, 'app.js'))
  const app = appInstance as Options | null
  if (!app) throw new Error('dist/app.js did not call App()')
  ;(app.onLaunch as AnyFunction | undefined)?.call(app, { path: 'pages/home/index', query: {}, scene: 1001 })
  ;(app.onShow as AnyFunction | undefined)?.call(app, { path: 'pages/home/index', query: {}, scene: 1001 })
}

export type RenderedPage = ReturnType<typeof simulate.render>

/**
 * Renders the page at `route` (e.g. 'pages/me/index') of the build, opened with `query` as its onLoad
 * options (what `?id=…` gives it). Render a given page once per file.
 */
export function renderPage(route: string, query: Record<string, string> = {}): RenderedPage {
  launchApp()
  routeBeingLoaded = route
  queryBeingLoaded = query
  const id = simulate.load(path.join(DIST, route), { rootPath: DIST, compiler: 'official' })
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
  return page
}

/**
 * Renders a component of the build that WeChat draws itself beside the pages, e.g. 'custom-tab-bar/index' (the
 * app's own tab bar, which WeChat puts under each tab page). Render a given component once per file.
 */
export function renderComponent(componentPath: string): RenderedPage {
  launchApp()
  const id = simulate.load(path.join(DIST, componentPath), { rootPath: DIST, compiler: 'official' })
  const component = simulate.render(id)
  component.attach(document.createElement('parent-wrapper'))
  return component
}

/** The text a person sees on the page, without the spaces the templates add. */
export function pageText(page: RenderedPage): string {
  return (page.dom?.textContent ?? '').replace(/\s+/g, ' ')
}

/** Waits, checking every 20 ms, until `condition` holds; fails with what it waited for after `timeoutMs`. */
export async function waitUntil(
  condition: () => boolean,
  waitingFor: () => string,
  timeoutMs = 10000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(waitingFor())
    await simulate.sleep(20)
  }
}

/** Waits until the page no longer shows `text`. */
export function waitForNoText(page: RenderedPage, text: string, timeoutMs = 10000): Promise<void> {
  return waitUntil(
    () => !pageText(page).includes(text),
    () => `the page still shows "${text}"`,
    timeoutMs,
  )
}

/** Waits until the page shows `text`. */
export function waitForText(page: RenderedPage, text: string, timeoutMs = 10000): Promise<void> {
  return waitUntil(
    () => pageText(page).includes(text),
    () => `the page never showed "${text}"; it shows: ${pageText(page)}`,
    timeoutMs,
  )
}

/** Waits until a page has navigated (navigateTo, switchTab, …) to a url that starts with `prefix`. */
export function waitForNavigation(prefix: string, timeoutMs = 10000): Promise<{ api: string; url: string }> {
  const find = () => navigations.find((n) => n.url.startsWith(prefix))
  return waitUntil(
    () => find() !== undefined,
    () => `no navigation to ${prefix}: ${JSON.stringify(navigations)}`,
    timeoutMs,
  ).then(() => find()!)
}

/**
 * Taps the innermost element that shows `text`. Taro gives every node an id (its `sid`, which the simulator
 * shows as data-sid) and listens for taps bubbling up to the page, so tapping the text reaches the handler of
 * the row or button around it.
 */
export async function tapText(page: RenderedPage, text: string): Promise<void> {
  const root = page.dom
  if (!root) throw new Error('the page is not rendered')
  const candidates = Array.from(root.querySelectorAll('[data-sid]')).filter((el) =>
    el.textContent?.includes(text),
  )
  const target = candidates[candidates.length - 1]
  if (!target) throw new Error(`nothing on the page shows "${text}"`)
  const sid = target.getAttribute('data-sid')
  const wrapped = page.querySelector(`#${sid}`)
  if (!wrapped) throw new Error(`no node answers to #${sid}`)
  // The simulator delivers the event on a later tick and React handles it after that: callers wait for what
  // the tap leads to (waitForText, waitForNavigation, waitUntil).
  wrapped.dispatchEvent('tap')
}

/**
 * The emulator a weapp test file talks to, seeded with the demo data: started before the file's tests,
 * stopped after them. Call the answer inside a test to reach it.
 */
export function demoEmulatorForFile(): () => Emulator {
  let emulator: Emulator | undefined
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 'demo' })
  })
  afterAll(async () => {
    await emulator?.stop()
  })
  return () => {
    if (!emulator) throw new Error('the emulator has not started')
    return emulator
  }
}
