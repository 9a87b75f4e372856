import { Button, ScrollView, Text, View } from '@tarojs/components'
import type { PointsRules } from '@shared/points'
import { signedPoints } from '@/components/points-entry'
import { ErrorState, Loading } from '@/components/page-state'
import './index.scss'

interface PointsRulesSheetProps {
  /** The rules from the `points` function; null while they load or when loading failed. */
  rules: PointsRules | null
  /** A Chinese message to show instead of the rules. */
  error: string | null
  onRetry: () => void
  onClose: () => void
}

/** "5 星再加 10 分，4 星加 5 分": only the ratings that earn something, best first. */
function ratingBonusText(bonus: PointsRules['ratingBonus']): string {
  const parts = (['5', '4', '3', '2', '1'] as const)
    .filter((stars) => bonus[stars] > 0)
    .map((stars) => `${stars} 星加 ${bonus[stars]} 分`)
  return parts.length > 0 ? `对方打分高还有奖励：${parts.join('，')}。` : ''
}

function RulesText({ rules }: { rules: PointsRules }) {
  const awards = rules.civic.filter((rule) => rule.delta > 0)
  const deductions = rules.civic.filter((rule) => rule.delta < 0)
  return (
    <View>
      <Text className="points-rules__heading">怎样得积分</Text>
      <Text className="points-rules__line">
        帮助邻居：完成一次求助，对方确认后得 {rules.needPoints} 分。{ratingBonusText(rules.ratingBonus)}
      </Text>
      <Text className="points-rules__line">
        参加活动：每服务 1 小时得 {rules.pointsPerHour} 分，按实际服务的时间算。
      </Text>
      <Text className="points-rules__line">做文明事：社工核实后加分。</Text>
      <View className="points-rules__list">
        {awards.map((rule) => (
          <View key={rule.id} className="points-rules__item">
            <Text className="points-rules__title">{rule.title}</Text>
            <Text className="points-rules__delta points-rules__delta--gain">
              {signedPoints(rule.delta)} 分
            </Text>
          </View>
        ))}
      </View>

      <Text className="points-rules__heading">什么情况会扣分</Text>
      <View className="points-rules__list">
        {deductions.map((rule) => (
          <View key={rule.id} className="points-rules__item">
            <Text className="points-rules__title">{rule.title}</Text>
            <Text className="points-rules__delta points-rules__delta--loss">
              {signedPoints(rule.delta)} 分
            </Text>
          </View>
        ))}
      </View>
      <Text className="points-rules__line">扣分最多扣到 0 分为止，不会扣成负数。</Text>

      <Text className="points-rules__heading">积分怎么用</Text>
      <Text className="points-rules__line">
        到积分超市换东西。下单后，这些积分先冻结，暂时不能用；到店领到东西才真正扣掉。没去领的，7
        天后自动取消，积分退回来。
      </Text>

      <Text className="points-rules__heading">积分公示</Text>
      <Text className="points-rules__line">
        得分排行和文明奖扣都会公示，让大家互相监督。名字中间用 * 代替，保护隐私。
      </Text>
    </View>
  )
}

/** The rules of the points, in plain words, on a sheet over the page. */
export default function PointsRulesSheet({ rules, error, onRetry, onClose }: PointsRulesSheetProps) {
  return (
    <View className="points-rules" role="dialog" aria-label="积分规则" catchMove>
      <View className="points-rules__sheet">
        <Text className="points-rules__header">积分规则</Text>
        <ScrollView scrollY className="points-rules__body">
          {rules && <RulesText rules={rules} />}
          {!rules && error && <ErrorState message={error} onRetry={onRetry} />}
          {!rules && !error && <Loading />}
        </ScrollView>
        <Button className="btn btn--primary points-rules__close" onClick={onClose}>
          知道了
        </Button>
      </View>
    </View>
  )
}
