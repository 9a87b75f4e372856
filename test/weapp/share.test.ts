/**
 * Sharing in the weapp build: an activity, a corner and a project each share a card that opens straight at
 * themselves (the path is a page of the build with the same id), to a chat and to 朋友圈, and so does a reward
 * of the 积分超市; a need is never
 * shareable — its page offers no share at all.
 */
import fs from 'node:fs'
import path from 'node:path'
import { connect, renderPage, waitForText, demoEmulatorForFile } from './support/weapp'

const emulator = demoEmulatorForFile()

type Shared = { title: string; path: string }
type PageInstance = {
  route: string
  onShareAppMessage?: (options: object) => Shared
  onShareTimeline?: () => { title: string; query: string }
}

/** The pages of the build, as app.json lists them ('packages/corners/pages/project/index'…). */
function builtPages(): string[] {
  const app = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, '..', '..', 'dist', 'app.json'), 'utf8'),
  ) as {
    pages: string[]
    subPackages: { root: string; pages: string[] }[]
  }
  return [...app.pages, ...app.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
}

function currentPage(): PageInstance {
  const pages = (globalThis as unknown as { getCurrentPages: () => PageInstance[] }).getCurrentPages()
  return pages[pages.length - 1]
}

/** Where a shared card leads: the page and its query. */
function opens(shared: string): { route: string; query: Record<string, string> } {
  const [route, query = ''] = shared.replace(/^\//, '').split('?')
  return { route, query: Object.fromEntries(new URLSearchParams(query)) }
}

beforeAll(() => connect(emulator().url, 'demo-resident-zhao'))

test.each([
  [
    'an activity',
    'packages/corners/pages/activity/index',
    'demo-act-xiaohongmao-1',
    '“小红帽”志愿者招募与培训',
  ],
  ['a corner', 'packages/corners/pages/corner/index', 'corner-shiji-park', '世纪公园'],
  [
    'a project',
    'packages/corners/pages/project/index',
    'project-xiaohongmao',
    '“爱心小红帽”困境老人关爱行动',
  ],
])(
  'sharing %s opens that same page with its id, from a chat and from 朋友圈',
  async (_what, route, id, title) => {
    const page = renderPage(route, { id })
    await waitForText(page, title)
    const instance = currentPage()
    expect(instance.route).toBe(route)

    const card = instance.onShareAppMessage!({ from: 'menu' })
    expect(card.title).toContain(title)
    expect(opens(card.path)).toEqual({ route, query: { id } })
    expect(builtPages()).toContain(opens(card.path).route)

    const post = instance.onShareTimeline!()
    expect(post.query).toBe(`id=${encodeURIComponent(id)}`)
    expect(post.title).toContain(title)
  },
)

test('a reward shared from the 积分超市 opens the 积分超市 with that reward’s sheet up, from a chat and from 朋友圈', async () => {
  const route = 'packages/mall/pages/catalog/index'
  const page = renderPage(route, { reward: 'reward-eggs' })
  await waitForText(page, '确认兑换？')
  const instance = currentPage()
  expect(instance.route).toBe(route)

  const card = instance.onShareAppMessage!({ from: 'menu' })
  expect(card.title).toContain('鸡蛋')
  expect(opens(card.path)).toEqual({ route, query: { reward: 'reward-eggs' } })
  expect(builtPages()).toContain(opens(card.path).route)
  expect(instance.onShareTimeline!().query).toBe('reward=reward-eggs')
})

test('a need’s page offers no share: a need is never shareable', () => {
  // Whether a page can be shared is settled when it is registered, before anything is read.
  renderPage('packages/needs/pages/detail/index', { id: 'any-need' })
  const instance = currentPage()
  expect(instance.route).toBe('packages/needs/pages/detail/index')
  expect(instance.onShareAppMessage).toBeUndefined()
  expect(instance.onShareTimeline).toBeUndefined()
})
