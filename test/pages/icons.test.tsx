/**
 * Every role's home and menu draws its pictures with the one icon set (components/icon): an icon next to a title
 * is hidden from screen readers, an icon standing alone carries a Chinese label, and no single character or
 * text glyph (助, ✓, ›, …) stands in for one.
 */
import { render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me } from '@shared/user'
import Icon, { IconBadge, type IconName } from '@/components/icon'
import HomePage from '@/pages/home'
import MePage from '@/pages/me'
import WorkbenchPage from '@/packages/homes/pages/workbench'
import { actAs, findIdentity, startEmulatorForFile } from './support/app'

const emulator = startEmulatorForFile()

beforeEach(() => {
  jest.spyOn(Taro, 'setTabBarBadge').mockResolvedValue({ errMsg: 'setTabBarBadge:ok' })
  jest.spyOn(Taro, 'removeTabBarBadge').mockResolvedValue({ errMsg: 'removeTabBarBadge:ok' })
})
afterEach(() => jest.restoreAllMocks())

/** Characters that once stood in for icons. */
const GLYPHS = /[›‹✓✔✕×★＋√]|^[助分约换管审]$/

/** The decorative icons inside `scope`, by name. */
function iconsIn(scope: HTMLElement): HTMLElement[] {
  return Array.from(scope.querySelectorAll<HTMLElement>('[data-icon]'))
}

/** The menu row whose title is `title`. */
function rowOf(title: string): HTMLElement {
  return screen.getByText(title).closest('.menu-item') as HTMLElement
}

/** A menu row shows its own icon in a badge before the title and an arrow after, both hidden from readers. */
function expectMenuIcons(title: string, icon: IconName): void {
  const row = rowOf(title)
  expect(row).not.toBeNull()
  const icons = iconsIn(row)
  expect(icons.map((el) => el.dataset.icon)).toEqual([icon, 'next'])
  for (const el of icons) {
    expect(el).toHaveAttribute('aria-hidden', 'true')
    expect(el).not.toHaveAttribute('aria-label')
    expect(el.textContent).toBe('')
  }
  expect(icons[0].closest('.icon-badge')).not.toBeNull()
}

/** No element on the page shows a glyph as its text (but for 我的's avatar, the first character of a name). */
function expectNoGlyphs(): void {
  const texts = Array.from(document.body.querySelectorAll('*'))
    .filter((el) => el.children.length === 0 && !el.closest('.me__avatar'))
    .map((el) => (el.textContent ?? '').trim())
  expect(texts.filter((text) => GLYPHS.test(text))).toEqual([])
}

describe('the icon set', () => {
  test('an icon beside its text is hidden from screen readers; an icon alone says what it is in Chinese', () => {
    render(
      <>
        <Icon name="next" />
        <Icon name="close" label="去掉这张照片" />
        <IconBadge name="notices" />
      </>,
    )
    const [beside, alone, badged] = iconsIn(document.body)
    expect(beside).toHaveAttribute('aria-hidden', 'true')
    expect(beside).toHaveClass('icon', 'icon--text', 'icon--current', 'at-icon', 'at-icon-chevron-right')
    expect(screen.getByRole('img', { name: '去掉这张照片' })).toBe(alone)
    expect(alone).not.toHaveAttribute('aria-hidden')
    expect(badged).toHaveAttribute('aria-hidden', 'true')
    expect(badged.parentElement).toHaveClass('icon-badge', 'icon-badge--medium', 'icon-badge--brand')
  })
})

describe('首页 shortcuts', () => {
  test('a social worker’s six shortcuts each show their icon in a coloured badge, not a character', async () => {
    actAs(await findIdentity(emulator(), 'worker'))
    render(<HomePage />)

    const expected: Array<[string, IconName]> = [
      ['我要求助', 'need'],
      ['我的积分', 'points'],
      ['我的活动', 'activities'],
      ['积分超市', 'mall'],
      ['公益角管理', 'corners'],
      ['志愿者审核', 'review'],
    ]
    await screen.findByText('公益角管理')
    for (const [title, icon] of expected) {
      const shortcut = screen.getByText(title).closest('.home__shortcut') as HTMLElement
      const icons = iconsIn(shortcut)
      expect(icons.map((el) => el.dataset.icon)).toEqual([icon])
      expect(icons[0]).toHaveAttribute('aria-hidden', 'true')
      expect(icons[0]).toHaveClass('icon--white')
      expect(icons[0].parentElement).toHaveClass('icon-badge--solid')
    }
    expectNoGlyphs()
  })
})

describe('我的 for each role', () => {
  const everyone: Array<[string, IconName]> = [
    ['消息', 'notices'],
    ['编辑资料', 'profile'],
    ['我的活动', 'activities'],
    ['积分超市', 'mall'],
    ['我的兑换', 'orders'],
    ['服务记录与证明', 'service'],
    ['隐私政策', 'privacy'],
    ['切换体验身份', 'switch'],
  ]

  test('a resident’s menu rows each carry their icon and an arrow', async () => {
    actAs(await findIdentity(emulator(), 'resident', (me: Me) => me.roles.length === 1))
    render(<MePage />)
    await screen.findByText('服务记录与证明')
    for (const [title, icon] of everyone) expectMenuIcons(title, icon)
    expectNoGlyphs()
  })

  test('a volunteer’s home leads with 我的任务 and 需求大厅, each with its icon', async () => {
    actAs(
      await findIdentity(
        emulator(),
        'volunteer',
        (me: Me) => me.volunteer?.status === 'approved' && !me.roles.includes('worker'),
      ),
    )
    render(<MePage />)
    await screen.findByText('我的任务')
    expectMenuIcons('我的任务', 'tasks')
    expectMenuIcons('需求大厅', 'pool')
    expectMenuIcons('爱心敲门 · 今日待访', 'care')
    // 我的任务 is the highlighted entry: its icon and arrow are white on the brand colour.
    for (const el of iconsIn(rowOf('我的任务'))) expect(el).toHaveClass('icon--white')
    expectNoGlyphs()
  })

  test('a social worker’s home leads with 工作台, and every worker entry has its own icon', async () => {
    actAs(await findIdentity(emulator(), 'worker'))
    render(<MePage />)
    await screen.findByText('工作台')
    const worker: Array<[string, IconName]> = [
      ['工作台', 'workbench'],
      ['志愿者审核', 'review'],
      ['积分加减', 'adjust'],
      ['商户与商品', 'shops'],
      ['积分结算', 'settlement'],
      ['公益角管理', 'corners'],
      ['爱心敲门', 'care'],
      ['核验志愿服务证明', 'verify'],
      ['紧急走访提醒', 'alert'],
    ]
    for (const [title, icon] of [...everyone, ...worker]) expectMenuIcons(title, icon)
    expectNoGlyphs()
  })

  test('a shopkeeper’s home has 今日核销 and 商品照片 with their icons', async () => {
    actAs(await findIdentity(emulator(), 'merchant'))
    render(<MePage />)
    await screen.findByText('今日核销')
    expectMenuIcons('今日核销', 'today')
    expectMenuIcons('商品照片', 'photos')
    expectMenuIcons('扫码核销', 'scan')
    expectNoGlyphs()
  })
})

describe('工作台', () => {
  test('each count’s row has its icon, red for urgent visits, and an arrow instead of ›', async () => {
    actAs(await findIdentity(emulator(), 'worker'))
    render(<WorkbenchPage />)
    await screen.findByText('待审核的求助')
    const expected: Array<[string, IconName, string]> = [
      ['待审核的求助', 'review', 'icon--brand'],
      ['志愿者申请', 'volunteer', 'icon--brand'],
      ['待确认的活动时长', 'today', 'icon--brand'],
      ['走访发现紧急的老人', 'alert', 'icon--danger'],
      ['超期未走访的老人', 'care', 'icon--brand'],
      ['一天内到期的兑换', 'orders', 'icon--brand'],
    ]
    for (const [title, icon, tone] of expected) {
      const row = screen.getByText(title).closest('.workbench__row') as HTMLElement
      const icons = iconsIn(row)
      expect(icons.map((el) => el.dataset.icon)).toEqual([icon, 'next'])
      expect(icons[0]).toHaveClass(tone)
      for (const el of icons) expect(el).toHaveAttribute('aria-hidden', 'true')
      // The row is read out by its label: the title and the count.
      expect(row.getAttribute('aria-label')).toMatch(new RegExp(`^${title}\\d+`))
    }
    await waitFor(() => expect(within(document.body).getByText('数据')).toBeInTheDocument())
    expectMenuIcons('数据', 'report')
    expectNoGlyphs()
  })
})
