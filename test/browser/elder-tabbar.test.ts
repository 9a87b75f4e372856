/**
 * 关怀模式 reaches the tab bar: for 王秀英 (82, 关怀模式 on) every tab label of the H5 build is at least as
 * large as the pages' body text, where it is 10 px for everyone else.
 */
import type { Page } from 'playwright-core'
import { demoAppForFile, phone, pickIdentity } from '../helpers/browser'

const app = demoAppForFile()

/** The CSS pixel sizes of the visible tab labels, once the first page has its person. */
async function tabLabelSizes(page: Page): Promise<number[]> {
  await page.locator('.home__shortcuts').filter({ visible: true }).first().waitFor()
  // Runs in the page (plain JavaScript: the tests' type check has no DOM).
  return page.evaluate(`Array.from(document.querySelectorAll('.weui-tabbar__label'))
    .map((el) => parseFloat(getComputedStyle(el).fontSize))`) as Promise<number[]>
}

it('shows the tab labels in large text in 关怀模式, at least the 16 px of body text, and small otherwise', async () => {
  const context = await phone(app().browser)
  const page = await context.newPage()
  await page.goto(app().emu.url)
  await pickIdentity(page, '王秀英')
  await page.waitForFunction(`document.body.classList.contains('elder-mode')`)
  const elder = await tabLabelSizes(page)
  expect(elder).toHaveLength(5)
  for (const size of elder) expect(size).toBeGreaterThanOrEqual(16)

  // Someone without 关怀模式, on their own phone: the labels keep WeChat's small size.
  const other = await phone(app().browser)
  const plain = await other.newPage()
  await plain.goto(app().emu.url)
  await pickIdentity(plain, '李建国')
  await plain.getByText('李建国，您好！', { exact: false }).filter({ visible: true }).first().waitFor()
  for (const size of await tabLabelSizes(plain)) expect(size).toBeLessThan(16)
  await context.close()
  await other.close()
})
