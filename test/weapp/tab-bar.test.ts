/**
 * The app's own tab bar on WeChat (custom-tab-bar, built into dist/): the five tabs in their order with their
 * icons, the current tab on, a tap switching tabs, the 我的 tab's badge with what user.notices counts, and in
 * 关怀模式 labels as large as the pages' body text there (WeChat's own bar keeps them at 10 px).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { NoticePage } from '@shared/notices'
import { dispatchErrand } from '../helpers/snapshots'
import {
  DIST,
  connect,
  navigationLog,
  pageText,
  renderComponent,
  renderPage,
  tapText,
  waitForNavigation,
  waitForText,
  waitUntil,
  demoEmulatorForFile,
  type RenderedPage,
} from './support/weapp'

const emulator = demoEmulatorForFile()

const RESIDENT = 'demo-resident-li'
const WORKER = 'demo-worker-liu'
const VOLUNTEER = 'demo-volunteer-zhang'
const TAB_TEXTS = ['首页', '活动', '求助', '积分', '我的']

async function ok<T>(name: string, data: object, openid: string): Promise<T> {
  const res = await emulator().call<T>(name, data, openid)
  if (!res.ok) throw new Error(`${name}.${(data as { action: string }).action}: ${JSON.stringify(res)}`)
  return res.data as T
}

/** A node of the tree Taro hands WeChat to draw (the component's `data.root`): class, text, children, props. */
interface Drawn {
  cl?: string
  v?: string
  cn?: Drawn[]
  [prop: string]: unknown
}

const all = (node: Drawn): Drawn[] => [node, ...(node.cn ?? []).flatMap(all)]
const classed = (node: Drawn, name: string) =>
  all(node).filter((n) => (n.cl ?? '').split(/\s+/).includes(name))
const textOf = (node: Drawn) =>
  all(node)
    .map((n) => n.v ?? '')
    .join('')
    .trim()
const drawn = (bar: RenderedPage) => (bar as unknown as { data: { root: Drawn } }).data.root
const items = (bar: RenderedPage) => classed(drawn(bar), 'tab-bar__item')
const labels = (bar: RenderedPage) => items(bar).map((item) => textOf(classed(item, 'tab-bar__label')[0]))
const onTab = (bar: RenderedPage) =>
  items(bar)
    .filter((item) => item.cl!.split(' ').includes('tab-bar__item--on'))
    .map((item) => textOf(classed(item, 'tab-bar__label')[0]))
const badgeOf = (bar: RenderedPage, index: number) => {
  const badge = classed(items(bar)[index], 'tab-bar__badge')[0]
  return badge ? textOf(badge) : ''
}
/** The picture an icon shows: the one string prop of the image node that names a file. */
const iconOf = (item: Drawn) =>
  Object.values(classed(item, 'tab-bar__icon')[0]).find((v) => typeof v === 'string' && v.endsWith('.png'))
const elderBar = (bar: RenderedPage) => classed(drawn(bar), 'tab-bar--elder').length === 1

/** A style sheet of the build with the sheets it imports (`@import "./app-origin.wxss";`) in their place. */
function styleSheet(file: string): string {
  const css = fs.readFileSync(path.join(DIST, file), 'utf8')
  return css.replace(/@import\s+["']([^"']+)["'];?/g, (_all, imported: string) =>
    styleSheet(path.join(path.dirname(file), imported)),
  )
}

/** The font size (in rpx) the built style sheet gives `selector`, from its last rule that names it. */
function fontSizeIn(file: string, selector: string): number {
  const css = styleSheet(file)
  let size: number | null = null
  for (const rule of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const selectors = rule[1].split(',').map((s) => s.trim())
    const declared = /(?:^|;)font-size:([\d.]+)rpx/.exec(rule[2])
    if (selectors.includes(selector) && declared) size = Number(declared[1])
  }
  if (size === null) throw new Error(`${file} gives ${selector} no font size in rpx`)
  return size
}

test('the tab bar shows the five tabs with 我的 on and its badge, switches tabs, and grows in 关怀模式', async () => {
  await ok('user', { action: 'updateProfile', elderMode: true }, VOLUNTEER)
  await dispatchErrand(emulator(), { resident: RESIDENT, worker: WORKER, volunteer: VOLUNTEER })
  const counts = await ok<NoticePage>('user', { action: 'notices', limit: 1 }, VOLUNTEER)
  expect(counts.newTasks).toBeGreaterThan(0)
  connect(emulator().url, VOLUNTEER)

  const me = renderPage('pages/me/index')
  const bar = renderComponent('custom-tab-bar/index')
  await waitForText(me, '我的任务')

  // Five tabs in the order of src/tabs.ts, each with its own icon, 我的 on.
  await waitUntil(
    () => onTab(bar).join() === '我的',
    () => `我的 is not the tab on: ${JSON.stringify(onTab(bar))} in ${pageText(bar)}`,
  )
  expect(labels(bar)).toEqual(TAB_TEXTS)
  const icons = items(bar).map(iconOf)
  expect(icons).toEqual([
    '/assets/tab/home.png',
    '/assets/tab/activities.png',
    '/assets/tab/needs.png',
    '/assets/tab/points.png',
    '/assets/tab/me-active.png',
  ])
  for (const icon of icons) expect(fs.existsSync(path.join(DIST, String(icon)))).toBe(true)

  // The 我的 tab counts unread notices and the new task, the dispatch once.
  await waitUntil(
    () => badgeOf(bar, 4) === String(counts.badge),
    () => `the 我的 tab shows "${badgeOf(bar, 4)}", not ${counts.badge}`,
  )
  expect([0, 1, 2, 3].map((i) => badgeOf(bar, i))).toEqual(['', '', '', ''])

  // 关怀模式: the labels at least as large as the pages' body text in 关怀模式, the rest of the time WeChat's 10 px.
  await waitUntil(
    () => elderBar(bar),
    () => 'the tab bar is not in 关怀模式',
  )
  const elderBody = fontSizeIn('app.wxss', '.page--elder')
  expect(fontSizeIn('custom-tab-bar/index.wxss', '.tab-bar--elder .tab-bar__label')).toBeGreaterThanOrEqual(
    elderBody,
  )
  expect(fontSizeIn('custom-tab-bar/index.wxss', '.tab-bar__label')).toBe(20)

  // A tap switches to that tab, which is on at once.
  await tapText(bar, '活动')
  expect(await waitForNavigation('/pages/activities/')).toEqual({
    api: 'switchTab',
    url: '/pages/activities/index',
  })
  await waitUntil(
    () => onTab(bar).join() === '活动',
    () => `活动 is not on after the tap: ${JSON.stringify(onTab(bar))}`,
  )
  expect(navigationLog().filter((n) => n.api === 'switchTab')).toHaveLength(1)

  // 关怀模式 turned off: back on 我的, the bar is small again and 我的 on.
  await ok('user', { action: 'updateProfile', elderMode: false }, VOLUNTEER)
  ;(me.instance as unknown as { onShow: () => void }).onShow()
  await waitUntil(
    () => !elderBar(bar) && onTab(bar).join() === '我的',
    () => `the bar stays in 关怀模式 or 我的 is not on: ${JSON.stringify(onTab(bar))}`,
  )
})
