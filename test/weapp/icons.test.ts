/**
 * The icon set in the real weapp build: 我的 draws its pictures with the icon font (components/icon), not with
 * characters, and the font and the 关怀模式 sizes are in the main package's styles.
 */
import fs from 'node:fs'
import path from 'node:path'
import { connect, DIST, pageText, renderPage, waitForText, demoEmulatorForFile } from './support/weapp'

const emulator = demoEmulatorForFile()

/** A class selector as the simulator renders it (it prefixes each class of a page with `main--`). */
const cls = (names: string) =>
  names
    .split(' ')
    .map((name) => `.main--${name}`)
    .join(' ')

/** `rpx` of each rule `selector{font-size:…}` in the built app styles. */
function fontSizes(css: string, selector: string): number[] {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return Array.from(css.matchAll(new RegExp(`(?:^|[}])${escaped}\\{font-size:(\\d+)rpx`, 'g'))).map((m) =>
    Number(m[1]),
  )
}

test('a social worker’s 我的 in the weapp build shows an icon in a badge and an arrow on every menu row', async () => {
  const worker = (await emulator().identities()).find((person) => person.role === 'worker')!
  connect(emulator().url, worker.openid)

  const page = renderPage('pages/me/index')
  await waitForText(page, '工作台')
  await waitForText(page, '核验志愿服务证明')

  const root = page.dom!
  const rows = Array.from(root.querySelectorAll(cls('menu-item')))
  expect(rows.length).toBeGreaterThan(10)
  for (const row of rows) {
    const title = row.querySelector(cls('menu-item__title'))?.textContent
    expect({ title, badge: row.querySelectorAll(cls('icon-badge at-icon')).length }).toEqual({
      title,
      badge: 1,
    })
    expect({ title, arrow: row.querySelectorAll(cls('at-icon-chevron-right')).length }).toEqual({
      title,
      arrow: 1,
    })
  }
  // 工作台 is the worker's own home: first, highlighted, with its picture in white.
  const workbench = rows[0]
  expect(workbench.querySelector(cls('menu-item__title'))?.textContent).toBe('工作台')
  expect(workbench.querySelector(cls('icon-badge at-icon'))?.className).toContain('main--icon--white')
  expect(pageText(page)).not.toMatch(/[›‹✓✕×★＋]/)
})

test('the main package carries the icon font once, and 关怀模式 draws every icon size a step larger', () => {
  const app = fs.readFileSync(path.join(DIST, 'app-origin.wxss'), 'utf8')
  expect(app.match(/@font-face\{font-family:iconfont/g)).toHaveLength(1)
  for (const size of ['small', 'medium', 'large', 'hero']) {
    const [plain] = fontSizes(app, `.icon--${size}`)
    const [elder] = fontSizes(app, `.page--elder .icon--${size}`)
    expect({ size, larger: elder > plain }).toEqual({ size, larger: true })
  }
  // No subpackage carries a second copy of the font.
  const copies = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? copies(path.join(dir, e.name)) : [path.join(dir, e.name)]))
      .filter(
        (file) =>
          file.endsWith('.wxss') && fs.readFileSync(file, 'utf8').includes('font-family:iconfont;src'),
      )
  expect(copies(DIST).map((file) => path.relative(DIST, file))).toEqual(['app-origin.wxss'])
})
