/**
 * Front-end weight: the H5 first load of each tab in headless Chromium (a phone-sized window with an empty
 * cache and a demo identity already chosen) — bytes of JavaScript and in total, first contentful paint,
 * when the tab's main content appeared, and the cloud function calls made before the first screen settled
 * (budget: 2 per tab) — and the weapp package sizes.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page, Request } from 'playwright-core'
import { packageSizes } from '../scripts/package-sizes'
import { launchBrowser, phone } from '../test/helpers/browser'
import { startEmulator, type Emulator } from '../test/helpers/emulator'
import { kib, percentile, row, section } from './lib'

/** Each tab (src/app.config.ts TABS) and what shows once its first screen has its data. */
export const TAB_PAGES = [
  { name: '首页', path: 'pages/home/index', content: '.home__shortcuts' },
  { name: '求助', path: 'pages/needs/index', content: '.needs__mine' },
  { name: '积分', path: 'pages/points/index', content: '.points__balance' },
  { name: '我的', path: 'pages/me/index', content: '.me__points' },
] as const

/** Where the H5 identity picker keeps the chosen person (src/services/identity.h5.ts, via Taro storage). */
const IDENTITY_KEY = 'xiaoshe:demo-identity'
const FN_BUDGET = 2
/** The first screen has settled when no function call has been in flight for this long. */
const QUIET_MS = 1_000
const LOADS = 3

export interface FirstLoad {
  /** Function calls made before the first screen settled, as `function.action`. */
  calls: string[]
  jsBytes: number
  totalBytes: number
  /** Milliseconds from navigation start. */
  fcp: number
  content: number
}

/**
 * Scripts for the page, as text: the browser runs them before the app's own scripts. One stores the
 * chosen identity as Taro's setStorageSync does ({data: value} as JSON); the other records when the first
 * element matching the tab's content selector became visible.
 */
const storeIdentityScript = (identity: object) =>
  `localStorage.setItem(${JSON.stringify(IDENTITY_KEY)}, ${JSON.stringify(JSON.stringify({ data: identity }))});`

const watchContentScript = (selector: string) => `(() => {
  const check = () => {
    if (window.__contentAt !== undefined) return;
    const el = document.querySelector(${JSON.stringify(selector)});
    if (el && el.getClientRects().length > 0) window.__contentAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`

const TIMING_SCRIPT = `({
  fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  content: window.__contentAt ?? NaN,
})`

/**
 * Opens one tab in a fresh browser context (empty cache and storage) as `identity`, and waits until its
 * main content is visible and no function call has been in flight for a second.
 */
export async function firstLoad(
  browser: Browser,
  emu: Emulator,
  tab: (typeof TAB_PAGES)[number],
  identity: { openid: string; name: string; role: string; note: string },
): Promise<FirstLoad> {
  const context = await phone(browser)
  try {
    await context.addInitScript({ content: storeIdentityScript(identity) })
    await context.addInitScript({ content: watchContentScript(tab.content) })
    const page: Page = await context.newPage()
    const calls: string[] = []
    const responses: Promise<{ url: string; bytes: number }>[] = []
    let inFlight = 0
    let lastFnActivity = 0
    const isFn = (req: Request) => req.method() === 'POST' && new URL(req.url()).pathname.startsWith('/fn/')
    page.on('request', (req) => {
      if (!isFn(req)) return
      inFlight++
      lastFnActivity = Date.now()
      let action = '?'
      try {
        action = String((JSON.parse(req.postData() ?? '{}') as { action?: unknown }).action)
      } catch {
        // not JSON: keep '?'
      }
      calls.push(`${new URL(req.url()).pathname.slice('/fn/'.length)}.${action}`)
    })
    const settle = (req: Request) => {
      if (!isFn(req)) return
      inFlight--
      lastFnActivity = Date.now()
    }
    page.on('requestfailed', settle)
    page.on('requestfinished', (req) => {
      settle(req)
      responses.push(
        req.sizes().then((s) => ({ url: req.url(), bytes: s.responseBodySize + s.responseHeadersSize })),
      )
    })

    await page.goto(`${emu.url}/#/${tab.path}`, { waitUntil: 'load' })
    await page.locator(tab.content).filter({ visible: true }).first().waitFor({ timeout: 30_000 })
    while (inFlight > 0 || Date.now() - lastFnActivity < QUIET_MS) await page.waitForTimeout(100)

    const timing = await page.evaluate<{ fcp: number; content: number }>(TIMING_SCRIPT)
    const sized = await Promise.all(responses)
    const isJs = (url: string) => new URL(url).pathname.endsWith('.js')
    return {
      calls,
      jsBytes: sized.filter((r) => isJs(r.url)).reduce((s, r) => s + r.bytes, 0),
      totalBytes: sized.reduce((s, r) => s + r.bytes, 0),
      ...timing,
    }
  } finally {
    await context.close()
  }
}

/** Pads to a width in terminal columns (a Chinese character takes two). */
const padColumns = (text: string, width: number) =>
  text +
  ' '.repeat(Math.max(0, width - [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0)))

function median(xs: number[]): number {
  return percentile(
    [...xs].sort((a, b) => a - b),
    50,
  )
}

async function h5Section(h5Dir: string): Promise<void> {
  let browser: Browser
  try {
    browser = await launchBrowser()
  } catch (err) {
    section('H5 first load of each tab')
    row('no browser', (err as Error).message)
    return
  }
  const emu = await startEmulator({ seed: 'demo', h5Dir })
  try {
    const identities = await emu.identities()
    const identity = identities.find((i) => i.role === 'resident') ?? identities[0]
    section(
      `H5 first load of each tab (headless Chromium, 375×812, empty cache, as ${identity.name} ` +
        `(${identity.role}); median of ${LOADS} loads)`,
    )
    console.log(
      `  ${'tab'.padEnd(28)} ${'JS'.padStart(10)} ${'total'.padStart(10)} ${'FCP'.padStart(8)} ${'content'.padStart(8)}  fn calls (budget ${FN_BUDGET})`,
    )
    const over: string[] = []
    for (const tab of TAB_PAGES) {
      const loads: FirstLoad[] = []
      for (let i = 0; i < LOADS; i++) loads.push(await firstLoad(browser, emu, tab, identity))
      const counts = [...new Set(loads.map((l) => l.calls.length))]
      const calls = loads[0].calls
      const label = `${tab.name} /#/${tab.path}`
      console.log(
        `  ${padColumns(label, 28)} ${kib(median(loads.map((l) => l.jsBytes))).padStart(10)} ` +
          `${kib(median(loads.map((l) => l.totalBytes))).padStart(10)} ` +
          `${`${median(loads.map((l) => l.fcp)).toFixed(0)} ms`.padStart(8)} ` +
          `${`${median(loads.map((l) => l.content)).toFixed(0)} ms`.padStart(8)}  ` +
          `${counts.join('/')}: ${calls.join(', ')}${counts.length > 1 ? ' (varied between loads)' : ''}`,
      )
      if (Math.max(...counts) > FN_BUDGET) over.push(`${tab.name} (${Math.max(...counts)})`)
    }
    row(`tabs over the ${FN_BUDGET}-call first-screen budget`, over.length ? over.join(', ') : 'none')
  } finally {
    await browser.close()
    await emu.stop()
  }
}

function packageSection(): void {
  section('weapp package sizes (dist/, WeChat allows 2 MB per package)')
  const dist = path.resolve(__dirname, '..', 'dist')
  if (!fs.existsSync(path.join(dist, 'app.json'))) {
    row('dist/ not built', 'run `npm run build:weapp` first')
    return
  }
  const sizes = packageSizes(dist)
  row('main package (budget 600 KiB)', kib(sizes.main))
  for (const [name, bytes] of Object.entries(sizes.subpackages))
    row(`subpackage ${name} (budget 500 KiB)`, kib(bytes))
  const total = sizes.main + Object.values(sizes.subpackages).reduce((s, b) => s + b, 0)
  row('all packages', kib(total))
}

export async function benchFrontend(): Promise<void> {
  const h5Dir = path.resolve(__dirname, '..', 'dist-h5')
  if (fs.existsSync(path.join(h5Dir, 'index.html'))) await h5Section(h5Dir)
  else {
    section('H5 first load of each tab')
    row('dist-h5/ not built', 'run `npm run build:h5` first')
  }
  packageSection()
}
