/**
 * The tab bar on WeChat (app.config.ts `tabBar.custom`): the five tabs of tabs.ts with their icons, the one on
 * in the brand colour, each tab's badge, above the phone's home indicator, and in 关怀模式 labels as large as
 * the pages' body text there (WeChat's own bar keeps 10 px labels). WeChat gives each tab page its own bar; all
 * of them draw utils/tab-bar.ts, where the pages put the badges and the tab that is on.
 */
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TABS, tabIcon } from '@/tabs'
import { selectTab, useTabBarState } from '@/utils/tab-bar'
import './index.scss'

export default function CustomTabBar() {
  const { selected, badges, elder } = useTabBarState()
  const open = (index: number) => {
    selectTab(index)
    Taro.switchTab({ url: `/${TABS[index].pagePath}` }).catch(() => undefined)
  }
  return (
    <View className={`tab-bar${elder ? ' tab-bar--elder' : ''}`}>
      {TABS.map((tab, index) => {
        const on = index === selected
        return (
          <View
            key={tab.pagePath}
            className={`tab-bar__item${on ? ' tab-bar__item--on' : ''}`}
            onClick={() => open(index)}
            role="tab"
            aria-selected={on}
          >
            <View className="tab-bar__icon-box">
              <Image className="tab-bar__icon" src={`/${tabIcon(tab, on)}`} mode="aspectFit" />
              {badges[index] && (
                <Text className="tab-bar__badge" aria-label={`${badges[index]}条新消息`}>
                  {badges[index]}
                </Text>
              )}
            </View>
            <Text className="tab-bar__label">{tab.text}</Text>
          </View>
        )
      })}
    </View>
  )
}
