/**
 * The top of 我的 for each role's own home: a social worker's 工作台, a shopkeeper's 核销, a volunteer's 我的任务.
 * A person with several roles switches which one they see here (remembered on the phone).
 */
import { Text, View } from '@tarojs/components'
import type { Me } from '@shared/user'
import MenuItem from '@/components/menu-item'
import { ROUTES, openPage } from '@/routes'
import { HOME_LABELS, homesOf, type Home } from '@/utils/home'
import './index.scss'

function HomeSwitch({ me, home, onChoose }: { me: Me; home: Home; onChoose: (home: Home) => void }) {
  const homes = homesOf(me)
  if (homes.length < 2) return null
  return (
    <View className="role-home__switch">
      <Text className="role-home__switch-label">先看：</Text>
      {homes.map((h) => (
        <View
          key={h}
          className={`role-home__choice${h === home ? ' role-home__choice--on' : ''}`}
          onClick={() => onChoose(h)}
          role="button"
          aria-pressed={h === home}
        >
          {HOME_LABELS[h]}
        </View>
      ))}
    </View>
  )
}

function Entries({ home }: { home: Home }) {
  if (home === 'worker')
    return (
      <MenuItem
        primary
        title="工作台"
        description="待审核的求助和申请、待确认的时长、爱心敲门的提醒，一眼看到"
        onClick={() => openPage(ROUTES.workbench)}
      />
    )
  if (home === 'merchant')
    return (
      <>
        <MenuItem
          primary
          title="核销兑换"
          description="扫顾客的兑换码，或输入顾客念的8位数字"
          onClick={() => openPage(ROUTES.merchantScan)}
        />
        <MenuItem
          title="今日核销"
          description="今天已经交给顾客的东西"
          onClick={() => openPage(ROUTES.merchantToday)}
        />
      </>
    )
  if (home === 'volunteer')
    return (
      <>
        <MenuItem
          primary
          title="我的任务"
          description="派给我的求助、今天和这周的活动、该走访的老人、服务时长"
          onClick={() => openPage(ROUTES.volunteerTasks)}
        />
        <MenuItem
          title="需求大厅"
          description="看看邻居们需要什么帮助，接一单"
          onClick={() => openPage(ROUTES.needPool)}
        />
      </>
    )
  return null
}

export default function RoleHome({
  me,
  home,
  onChoose,
}: {
  me: Me
  home: Home
  onChoose: (home: Home) => void
}) {
  return (
    <View className="role-home">
      <HomeSwitch me={me} home={home} onChoose={onChoose} />
      <Entries home={home} />
    </View>
  )
}
