/**
 * 隐私授权: before the app first uses the person's location, camera, album or phone number, they read what it
 * keeps and agree (WeChat's privacy authorization). On WeChat, the platform itself holds every privacy API until
 * the app's own sheet (components/privacy-sheet) is answered: `wx.onNeedPrivacyAuthorization` hands the app a
 * `resolve`, and only a tap on a `<button open-type="agreePrivacyAuthorization">` may resolve it with 'agree'.
 * The browser build has no such platform, so the app keeps the person's answer on the phone and shows the same
 * sheet itself. Either way the code that is about to use a private feature calls `askPrivacy()` first.
 */
import Taro from '@tarojs/taro'
import { ROUTES, openPage } from '@/routes'

const WEAPP = process.env.TARO_ENV === 'weapp'

/** The H5 build's record of the person's agreement; a new policy version would ask again. */
const AGREED_KEY = 'xiaoshe-privacy-agreed'
export const PRIVACY_VERSION = '2026-03'

/** The id of the sheet's agree button: WeChat checks that this very button was tapped. */
export const AGREE_BUTTON_ID = 'privacy-agree'

/** What WeChat's `resolve` takes (miniprogram-api-typings types the listener's arguments loosely). */
interface PrivacyResolveOption {
  event: 'exposureAuthorization' | 'agree' | 'disagree'
  buttonId?: string
}
type PrivacyResolve = (option: PrivacyResolveOption) => void
type PrivacyListener = (resolve: PrivacyResolve, eventInfo: { referrer: string }) => void

/** A question waiting for the person's answer, shown by the sheet of the page in front. */
export interface PrivacyRequest {
  /** What asked: 'getLocation', 'button.getPhoneNumber', … on WeChat; the feature on H5. */
  referrer: string
  decide: (agree: boolean) => void
}

let pending: PrivacyRequest | null = null
const watchers = new Set<(request: PrivacyRequest | null) => void>()
/** The pages (routes without a leading slash) that have a sheet mounted. */
const pagesWithSheet = new Map<string, number>()

function publish(request: PrivacyRequest | null): void {
  pending = request
  for (const watch of watchers) watch(request)
}

export function pendingPrivacyRequest(): PrivacyRequest | null {
  return pending
}

/** Calls `watch` whenever a question comes up or is answered; answers the unsubscribe. */
export function watchPrivacyRequests(watch: (request: PrivacyRequest | null) => void): () => void {
  watchers.add(watch)
  return () => watchers.delete(watch)
}

const routeOf = (path: string) => path.replace(/^\//, '').split('?')[0]

/** The route of the page in front, as the sheets register themselves. */
export function frontRoute(): string {
  const pages = Taro.getCurrentPages()
  const front = pages[pages.length - 1] as { route?: string; path?: string } | undefined
  return routeOf(front?.route ?? front?.path ?? '')
}

/** A sheet on the page at `route` is ready to ask; answers its removal. */
export function registerSheet(route: string): () => void {
  const key = routeOf(route)
  pagesWithSheet.set(key, (pagesWithSheet.get(key) ?? 0) + 1)
  return () => {
    const left = (pagesWithSheet.get(key) ?? 1) - 1
    if (left > 0) pagesWithSheet.set(key, left)
    else pagesWithSheet.delete(key)
  }
}

/** Shows a question: on the front page's sheet, or on the 隐私政策 page when that page has none. */
function raise(request: PrivacyRequest): void {
  publish(request)
  const front = frontRoute()
  // A page rendered alone (no page stack) is the one in front.
  const shown = front ? pagesWithSheet.has(front) : pagesWithSheet.size > 0
  if (!shown) openPage(`${ROUTES.privacy}?ask=1`)
}

function answer(request: PrivacyRequest, agree: boolean): void {
  if (pending === request) publish(null)
  request.decide(agree)
}

/** The sheet's answer to the question in front (the agree tap on WeChat comes from the agree button). */
export function answerPrivacy(agree: boolean): void {
  if (pending) answer(pending, agree)
}

/** The browser build keeps the person's agreement on the phone (a test starts from an agreement this way). */
export function rememberAgreementInBrowser(): void {
  Taro.setStorageSync(AGREED_KEY, PRIVACY_VERSION)
}

function agreedInBrowser(): boolean {
  try {
    return Taro.getStorageSync(AGREED_KEY) === PRIVACY_VERSION
  } catch {
    return false
  }
}

/** Has the person agreed already? WeChat before 2.32.3 has no privacy check: nothing to agree to there. */
export function privacyAgreed(): Promise<boolean> {
  if (!WEAPP) return Promise.resolve(agreedInBrowser())
  if (typeof wx.getPrivacySetting !== 'function') return Promise.resolve(true)
  return new Promise((resolve) => {
    wx.getPrivacySetting({
      success: (result) => resolve(!result.needAuthorization),
      fail: () => resolve(false),
    })
  })
}

/**
 * Asks for the person's agreement when it is still missing (the sheet comes up) and answers whether they agreed.
 * Call it just before using the location, camera, album or phone number.
 */
export function askPrivacy(feature: string): Promise<boolean> {
  if (WEAPP) {
    if (typeof wx.requirePrivacyAuthorize !== 'function') return Promise.resolve(true)
    // WeChat answers at once when the person agreed before, or calls the listener, which raises the sheet.
    return new Promise((resolve) => {
      wx.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) })
    })
  }
  if (agreedInBrowser()) return Promise.resolve(true)
  if (pending) answer(pending, false)
  return new Promise((resolve) => {
    raise({
      referrer: feature,
      decide: (agree) => {
        if (agree) rememberAgreementInBrowser()
        resolve(agree)
      },
    })
  })
}

/** The WeChat listener: every privacy API and component waits here until the sheet is answered. */
const onNeedPrivacy: PrivacyListener = (resolve, eventInfo) => {
  if (pending) answer(pending, false)
  // Tell WeChat the app's own sheet is on screen.
  resolve({ event: 'exposureAuthorization' })
  raise({
    referrer: eventInfo?.referrer ?? '',
    decide: (agree) => resolve(agree ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' }),
  })
}

/** Called once when the app starts. */
export function listenForPrivacyQuestions(): void {
  if (!WEAPP || typeof wx.onNeedPrivacyAuthorization !== 'function') return
  wx.onNeedPrivacyAuthorization(
    onNeedPrivacy as unknown as WechatMiniprogram.OnNeedPrivacyAuthorizationCallback,
  )
}
