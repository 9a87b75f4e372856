/**
 * The icon set drawn by a real browser from the H5 build: 首页's shortcut icons are glyphs of the icon font (loaded,
 * with a width), not characters, and they are larger in 关怀模式. Screenshots in test-artifacts/icons/.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { ARTIFACTS, demoAppForFile, phone, pickIdentity, settled } from '../helpers/browser'

const app = demoAppForFile()
const DIR = path.join(ARTIFACTS, 'icons')

interface Drawn {
  name: string
  family: string
  glyph: string
  width: number
  fontSize: number
}

/** The visible shortcut icons of 首页 once the person's name shows, as the browser draws them. */
async function shortcutIcons(page: Page, greeting: string): Promise<Drawn[]> {
  await page.getByText(greeting, { exact: false }).filter({ visible: true }).first().waitFor()
  await page.waitForFunction(`document.fonts.check('16px iconfont')`)
  await settled(page)
  // Runs in the page (plain JavaScript: the tests' type check has no DOM).
  return page.evaluate(`Array.from(document.querySelectorAll('.home__shortcut [data-icon]'))
    .filter((el) => el.getBoundingClientRect().height > 0)
    .map((el) => ({
      name: el.dataset.icon,
      family: getComputedStyle(el).fontFamily,
      glyph: getComputedStyle(el, '::before').content,
      width: el.getBoundingClientRect().width,
      fontSize: parseFloat(getComputedStyle(el).fontSize),
    }))`) as Promise<Drawn[]>
}

async function homeAs(name: string, greeting: string, shot: string): Promise<Drawn[]> {
  const context = await phone(app().browser)
  try {
    const page = await context.newPage()
    await page.goto(app().emu.url)
    await pickIdentity(page, name)
    const icons = await shortcutIcons(page, greeting)
    fs.mkdirSync(DIR, { recursive: true })
    await page.screenshot({ path: path.join(DIR, `${shot}.png`) })
    return icons
  } finally {
    await context.close()
  }
}

it('draws 首页’s shortcut icons from the icon font, and larger in 关怀模式', async () => {
  const plain = await homeAs('李建国', '李建国，您好！', 'home')
  expect(plain.map((icon) => icon.name)).toEqual(['need', 'points', 'activities', 'mall'])
  for (const icon of plain) {
    expect(icon.family).toBe('iconfont')
    // One private-use code point of the font, drawn with a width of its own.
    expect(icon.glyph).toMatch(/^"[\uE000-\uF8FF]"$/)
    expect(icon.width).toBeGreaterThan(10)
  }

  const elder = await homeAs('王秀英', '王秀英，您好！', 'home-elder')
  expect(elder.map((icon) => icon.name)).toEqual(plain.map((icon) => icon.name))
  for (const [index, icon] of elder.entries()) expect(icon.fontSize).toBeGreaterThan(plain[index].fontSize)
})
