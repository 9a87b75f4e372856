/**
 * The top of 我的 for each role's own home: a social worker's 工作台, a shopkeeper's 核销 (the digits or the camera,
 * right here), a volunteer's 我的任务.
 * A person with several roles switches which one they see here (remembered on the phone).
 */
import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { lookupCodeInput } from '@shared/mall'
import type { Me } from '@shared/user'
import MenuItem from '@/components/menu-item'
import { ROUTES, openPage } from '@/routes'
import { HOME_LABELS, homesOf, type Home } from '@/utils/home'
import './index.scss'
import { CAN_SCAN, scanQrCode } from '@/services/device'

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

/** Only WeChat can open the camera to scan; in a browser the digits are typed. */

/** A shopkeeper's counter, right on 我的: the digits a customer reads out, or the camera. */
function Counter() {
  const [typed, setTyped] = useState('')
  const [problem, setProblem] = useState('')
  const find = () => {
    const parsed = lookupCodeInput.safeParse({ shortCode: typed })
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '请输入顾客念的兑换数字')
      return
    }
    setProblem('')
    setTyped('')
    openPage(`${ROUTES.merchantScan}?digits=${parsed.data.shortCode}`)
  }
  const scan = async () => {
    const result = await scanQrCode()
    if (result !== null) openPage(`${ROUTES.merchantScan}?code=${encodeURIComponent(result)}`)
  }
  return (
    <View className="card role-home__counter">
      <Text className="card__title">核销兑换</Text>
      {CAN_SCAN && (
        <Button className="btn btn--primary" onClick={() => void scan()}>
          扫顾客的兑换码
        </Button>
      )}
      <Text className="hint">请顾客念出二维码下面的8位数字：</Text>
      <Input
        className="role-home__digits"
        type={CAN_SCAN ? 'number' : 'text'}
        value={typed}
        placeholder="8位兑换数字"
        maxlength={9}
        onInput={(e) => setTyped(e.detail.value)}
        onConfirm={find}
      />
      {problem && <Text className="error-text">{problem}</Text>}
      <Button className={`btn ${CAN_SCAN ? 'btn--secondary' : 'btn--primary'}`} onClick={find}>
        查找这一单
      </Button>
    </View>
  )
}

function Entries({ home, newTasks }: { home: Home; newTasks: number }) {
  if (home === 'worker')
    return (
      <MenuItem
        primary
        title="工作台"
        icon="workbench"
        description="待审核的求助和申请、待确认的时长、爱心敲门的提醒，一眼看到"
        onClick={() => openPage(ROUTES.workbench)}
      />
    )
  if (home === 'merchant')
    return (
      <>
        <Counter />
        <MenuItem
          title="今日核销"
          icon="today"
          description="今天核销了几单、交给顾客的东西"
          onClick={() => openPage(ROUTES.merchantToday)}
        />
        <MenuItem
          title="商品照片"
          icon="photos"
          description="给本店的商品拍照，居民在积分超市里能看到"
          onClick={() => openPage(ROUTES.merchantRewards)}
        />
      </>
    )
  if (home === 'volunteer')
    return (
      <>
        <MenuItem
          primary
          title="我的任务"
          icon="tasks"
          description="派给我的求助、今天和7天内的活动、该走访的老人、服务时长"
          badge={newTasks}
          onClick={() => openPage(ROUTES.volunteerTasks)}
        />
        <MenuItem
          title="需求大厅"
          icon="pool"
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
  newTasks = 0,
}: {
  me: Me
  home: Home
  onChoose: (home: Home) => void
  /** Needs dispatched to the volunteer not yet seen: 我的任务's badge. */
  newTasks?: number
}) {
  return (
    <View className="role-home">
      <HomeSwitch me={me} home={home} onChoose={onChoose} />
      <Entries home={home} newTasks={newTasks} />
    </View>
  )
}
