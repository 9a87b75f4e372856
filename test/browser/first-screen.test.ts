/**
 * The first screen of every tab needs at most 2 cloud function calls. Each tab is opened in a fresh phone
 * (empty storage and cache) on the H5 build, as one demo person of each role already chosen in the 体验身份
 * picker; the calls are the POSTs to /fn/ until the tab's main content is visible and no call has been in
 * flight for a second. A count, never a time.
 */
import path from 'node:path'
import type { Browser, Request } from 'playwright-core'
import { launchBrowser, phone } from '../helpers/browser'
import { startEmulator, type Emulator } from '../helpers/emulator'

const BUDGET = 2
const QUIET_MS = 1_000

/** The tabs of src/app.config.ts and what each shows once its first screen has its data. */
const TABS = [
  { name: '首页', path: 'pages/home/index', content: '.home__shortcuts' },
  { name: '活动', path: 'pages/activities/index', content: '.acts__list' },
  { name: '求助', path: 'pages/needs/index', content: '.needs__mine' },
  { name: '积分', path: 'pages/points/index', content: '.points__balance' },
  { name: '我的', path: 'pages/me/index', content: '.me__points' },
]

/** Where the H5 identity picker keeps the chosen person: Taro's storage, {data: value} as JSON. */
const IDENTITY_KEY = 'xiaoshe:demo-identity'

type Identity = { openid: string; name: string; role: string; note: string }

let emu: Emulator
let browser: Browser
let people: Identity[]

beforeAll(async () => {
  emu = await startEmulator({ seed: 'demo', h5Dir: path.resolve('dist-h5') })
  browser = await launchBrowser()
  const identities = await emu.identities()
  const roles = [...new Set(identities.map((i) => i.role))]
  people = roles.map((role) => identities.find((i) => i.role === role)!)
})
afterAll(async () => {
  await browser?.close()
  await emu?.stop()
})

/** The function calls (`function.action`) one tab makes before its first screen settles. */
async function firstScreenCalls(tab: (typeof TABS)[number], identity: Identity): Promise<string[]> {
  const context = await phone(browser)
  try {
    await context.addInitScript({
      content: `localStorage.setItem(${JSON.stringify(IDENTITY_KEY)}, ${JSON.stringify(JSON.stringify({ data: identity }))});`,
    })
    const page = await context.newPage()
    const calls: string[] = []
    let inFlight = 0
    let last = Date.now()
    const isFn = (req: Request) => req.method() === 'POST' && new URL(req.url()).pathname.startsWith('/fn/')
    page.on('request', (req) => {
      if (!isFn(req)) return
      inFlight++
      last = Date.now()
      const body = JSON.parse(req.postData() ?? '{}') as { action?: string }
      calls.push(`${new URL(req.url()).pathname.slice('/fn/'.length)}.${body.action}`)
    })
    const done = (req: Request) => {
      if (!isFn(req)) return
      inFlight--
      last = Date.now()
    }
    page.on('requestfinished', done)
    page.on('requestfailed', done)
    await page.goto(`${emu.url}/#/${tab.path}`)
    await page.locator(tab.content).filter({ visible: true }).first().waitFor({ timeout: 30_000 })
    while (inFlight > 0 || Date.now() - last < QUIET_MS) await page.waitForTimeout(100)
    return calls
  } finally {
    await context.close()
  }
}

describe.each(TABS)('the first screen of the $name tab', (tab) => {
  it(`makes at most ${BUDGET} cloud function calls, for a person of each role`, async () => {
    const over: string[] = []
    for (const person of people) {
      const calls = await firstScreenCalls(tab, person)
      expect(calls.length).toBeGreaterThan(0)
      if (calls.length > BUDGET)
        over.push(`${person.role} ${person.name}: ${calls.length} (${calls.join(', ')})`)
    }
    if (over.length > 0)
      throw new Error(`/#/${tab.path} makes more than ${BUDGET} calls before it settles: ${over.join('; ')}`)
  })
})
