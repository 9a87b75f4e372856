/**
 * The tab bar's state, for both builds. On WeChat the app draws its own tab bar (`custom-tab-bar`, app.config.ts):
 * WeChat's native bar keeps its 10 px labels whatever 关怀模式 says, and with a custom bar `setTabBarBadge` does
 * nothing. So the badges, the tab that is on and 关怀模式 live here, and each page's bar draws them. The H5 build
 * keeps Taro's own bar (Taro draws no custom bar in the browser): there the badges go to Taro's tab bar API and
 * 关怀模式 to a class on the body (app.scss).
 */
import { useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { TAB_PAGES } from '@/routes'

export interface TabBarState {
  /** The index (in TAB_PAGES) of the tab page showing now. */
  selected: number
  /** Each tab's badge text ('' for none). */
  badges: string[]
  /** 关怀模式: larger labels and icons. */
  elder: boolean
}

const CHANGED = 'xiaoshe:tab-bar'
const DRAWN_BY_APP = process.env.TARO_ENV === 'weapp'

let state: TabBarState = { selected: 0, badges: TAB_PAGES.map(() => ''), elder: false }

function change(patch: Partial<TabBarState>): void {
  state = { ...state, ...patch }
  Taro.eventCenter.trigger(CHANGED, state)
}

export function tabBarState(): TabBarState {
  return state
}

/** What a count shows on a tab: nothing for 0, at most 99+. */
export function badgeText(count: number): string {
  if (count <= 0) return ''
  return count > 99 ? '99+' : String(count)
}

/** Shows `count` on the tab of `page` (one of TAB_PAGES); 0 takes the badge away. */
export function setTabBadge(page: string, count: number): void {
  const index = TAB_PAGES.indexOf(page)
  if (index < 0) return
  const text = badgeText(count)
  if (DRAWN_BY_APP) {
    if (state.badges[index] !== text) change({ badges: state.badges.map((b, i) => (i === index ? text : b)) })
    return
  }
  try {
    const done = text ? Taro.setTabBarBadge({ index, text }) : Taro.removeTabBarBadge({ index })
    Promise.resolve(done).catch(() => undefined)
  } catch {
    // Not on a tab page, or no tab bar here: nothing to show it on.
  }
}

/** 关怀模式 for the tab bar: the app's own bar on WeChat, Taro's bar through a class on the body on H5. */
export function setTabBarElder(elder: boolean): void {
  if (DRAWN_BY_APP) {
    if (state.elder !== elder) change({ elder })
    return
  }
  if (process.env.TARO_ENV === 'h5') document.body.classList.toggle('elder-mode', elder)
}

/** Tapping a tab on the app's own bar: it is on at once, before its page shows. */
export function selectTab(index: number): void {
  if (state.selected !== index) change({ selected: index })
}

/** A tab page marks its tab as the one on, each time it shows (each tab page has its own bar on WeChat). */
export function useTabSelected(page: string): void {
  useDidShow(() => {
    const index = TAB_PAGES.indexOf(page)
    if (DRAWN_BY_APP && index >= 0) selectTab(index)
  })
}

/** The tab bar's state, redrawn whenever it changes. */
export function useTabBarState(): TabBarState {
  const [current, setCurrent] = useState(state)
  useEffect(() => {
    const onChange = (next: TabBarState) => setCurrent(next)
    Taro.eventCenter.on(CHANGED, onChange)
    setCurrent(state)
    return () => {
      Taro.eventCenter.off(CHANGED, onChange)
    }
  }, [])
  return current
}
