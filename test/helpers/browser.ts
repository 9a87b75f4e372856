/**
 * Debian's Chromium driven by playwright-core, for tests of the H5 build as a person uses it: a phone-sized
 * viewport (375×812), Chinese fonts, and screenshots saved under test-artifacts/. Playwright gives every
 * launch a fresh, empty profile of its own.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { testClockOffset } from './clock'
import { startEmulator, type Emulator } from './emulator'

export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH)`,
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * A phone-sized context; each person in a test gets their own (their own storage, so their own identity).
 * Its pages run in the test's time zone and at the test's time (helpers/clock.ts), like the emulator.
 */
export async function phone(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: process.env.TZ,
    hasTouch: true,
  })
  await context.addInitScript(pageClock(testClockOffset()))
  return context
}

/**
 * A script for the page: `Date` reads the test's time and runs on from it; timers are left alone. Plain
 * text, so that no compiler helper has to exist in the page.
 */
function pageClock(offsetMs: number): string {
  return `(() => {
    const RealDate = Date
    const offset = ${offsetMs}
    class TestDate extends RealDate {
      constructor(...args) {
        if (args.length === 0) super(RealDate.now() + offset)
        else super(...args)
      }
      static now() {
        return RealDate.now() + offset
      }
      static [Symbol.hasInstance](value) {
        return value instanceof RealDate
      }
    }
    globalThis.Date = TestDate
  })()`
}

/**
 * Waits until Taro's router has finished moving pages: every page is either in place (shown and stationed) or
 * covered (shaded), none sliding in or out.
 */
export async function settled(page: Page): Promise<void> {
  // Runs in the page (plain JavaScript: the tests' type check has no DOM).
  await page.waitForFunction(`(() => {
    const pages = Array.from(document.querySelectorAll('.taro_router > .taro_page'))
    const inPlace = (el) =>
      el.classList.contains('taro_page_shade') ||
      (el.classList.contains('taro_page_show') && el.classList.contains('taro_page_stationed'))
    return pages.length > 0 && pages.every(inPlace)
  })()`)
}

/** Saves a screenshot as test-artifacts/<name>.png after Taro's page transition has settled. */
export async function snapshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  await settled(page)
  const file = path.join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: false })
  return file
}

/**
 * Back, as a person presses the back button, until the tab bar shows. Taro draws a page a moment after the
 * address changes, so each step waits for the tab bar before pressing back again (pressing on regardless
 * would leave the app).
 */
export async function backToTabs(page: Page, steps = 10): Promise<void> {
  const tabbar = page.locator('.taro-tabbar__tabbar')
  for (let step = 0; !(await tabbar.isVisible()); step++) {
    if (step === steps) throw new Error(`no tab bar after pressing back ${steps} times (at ${page.url()})`)
    await page.goBack()
    await tabbar.waitFor({ timeout: 2_000 }).catch(() => undefined)
  }
}

/** Picks `name` in the 体验身份 picker the H5 build shows a newcomer (or after 切换体验身份). */
export async function pickIdentity(page: Page, name: string): Promise<void> {
  const picker = page.getByRole('dialog', { name: '选择体验身份' })
  await picker.waitFor()
  await picker.locator('.identity-picker__person', { hasText: name }).first().click()
  await picker.waitFor({ state: 'detached' })
}

/** Taro's H5 router keeps earlier pages in the document, hidden: the first visible match of `selector`. */
export function visible(page: Page, selector: string, hasText?: string | RegExp): Locator {
  return page
    .locator(selector, hasText ? { hasText } : {})
    .filter({ visible: true })
    .first()
}

/** Waits until the first visible <img> under `selector` has loaded a picture (not a broken one); answers it. */
export async function loadedImage(page: Page, selector: string): Promise<Locator> {
  const image = visible(page, selector)
  await image.waitFor()
  await page.waitForFunction(
    (el) =>
      (el as { complete: boolean; naturalWidth: number }).complete &&
      (el as { naturalWidth: number }).naturalWidth > 0,
    await image.elementHandle(),
  )
  return image
}

/**
 * What a person can see with exactly this text: Taro's H5 router keeps earlier pages in the document, hidden,
 * so only a visible match counts.
 */
export function visibleText(page: Page, text: string) {
  return page.getByText(text, { exact: true }).filter({ visible: true }).first()
}

/** Taps the first visible element whose whole text is `text`. */
export function tapText(page: Page, text: string): Promise<void> {
  return visibleText(page, text).click()
}

/**
 * For a browser test file: an emulator with the demo seed serving the H5 build, and a browser, both started
 * before the file's tests and stopped after them.
 */
export function demoAppForFile(): () => { emu: Emulator; browser: Browser } {
  let emu: Emulator | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    emu = await startEmulator({ seed: 'demo', h5Dir: path.resolve(__dirname, '..', '..', 'dist-h5') })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await emu?.stop()
  })
  return () => ({ emu: emu!, browser: browser! })
}

/** The phones a test file opens (pass it to phoneAs, push any other context), all closed after the file. */
export function contextsForFile(): BrowserContext[] {
  const contexts: BrowserContext[] = []
  afterAll(async () => {
    for (const context of contexts) await context.close()
  })
  return contexts
}

/** A new phone (its own context, kept in `contexts` to close) opened at `url` as `name` from the picker. */
export async function phoneAs(
  browser: Browser,
  contexts: BrowserContext[],
  url: string,
  name: string,
): Promise<Page> {
  const context = await phone(browser)
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(url)
  await pickIdentity(page, name)
  return page
}
