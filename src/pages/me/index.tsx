import { useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { AtTag } from 'taro-ui'
import { VOLUNTEER_STATUS_LABELS, type Me, type VolunteerStatus } from '@shared/user'
import { hoursText, SERVICE_KIND_LABELS, SERVICE_KINDS, type ServiceTotals } from '@shared/service'
import PrivacySheet from '@/components/privacy-sheet'
import IdentityPicker from '@/components/identity-picker'
import MenuItem from '@/components/menu-item'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import RoleHome from '@/components/role-home'
import RoleTags from '@/components/role-tags'
import { hasRole, useMe } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { CARE_TEMPLATES } from '@/services/care'
import { askForNotices } from '@/services/notices'
import { chooseHome, currentHome, type Home } from '@/utils/home'
import { refreshUnreadBadge, type NoticeCounts } from '@/utils/notice-badge'
import { canApplyVolunteer } from '@/utils/volunteer'
import { useTabSelected } from '@/utils/tab-bar'
import './index.scss'

/** Inside the tap (WeChat shows its dialog only there): may we alert this worker to the next urgent visit? */
function askForCareAlerts(): void {
  void askForNotices([CARE_TEMPLATES.alert]).then((outcome) => {
    const title =
      outcome === 'accepted'
        ? '好的，有紧急情况会马上通知您'
        : outcome === 'refused'
          ? '没有开启提醒，可以随时再点一次'
          : '这里收不到微信提醒，请在微信小程序里开启'
    Taro.showToast({ title, icon: 'none', duration: 2500 }).catch(() => undefined)
  })
}

const STATUS_TONES: Record<VolunteerStatus, string> = {
  pending: 'tag--amber',
  approved: 'tag--green',
  rejected: 'tag--grey',
}

function ProfileCard({ me }: { me: Me }) {
  const { nickname, community, phoneMasked } = me.profile
  const initial = Array.from(nickname || '邻')[0]
  return (
    <View className="card me__profile">
      <View className="me__identity">
        <View className="me__avatar">
          <Text>{initial}</Text>
        </View>
        <View className="me__who">
          <Text className="me__nickname">{nickname || '还没有填写昵称'}</Text>
          <Text className="me__line">社区：{community || '还没有填写'}</Text>
          <Text className="me__line">手机：{phoneMasked || '还没有填写'}</Text>
        </View>
      </View>
      <RoleTags roles={me.roles} />
    </View>
  )
}

function PointsCard({ me }: { me: Me }) {
  const { balance, held, available } = me.points
  return (
    <View className="card me__points">
      <Text className="card__title">我的积分</Text>
      <View className="me__points-row">
        <View className="me__points-item me__points-item--main">
          <Text className="me__points-value">{available}</Text>
          <Text className="me__points-label">可用积分</Text>
        </View>
        <View className="me__points-item">
          <Text className="me__points-value">{balance}</Text>
          <Text className="me__points-label">总积分</Text>
        </View>
        <View className="me__points-item">
          <Text className="me__points-value">{held}</Text>
          <Text className="me__points-label">冻结中</Text>
        </View>
      </View>
      <Text className="hint">做好事就能攒积分。兑换商品时积分先冻结，领到东西后才扣掉。</Text>
    </View>
  )
}

/** Confirmed service time, in hours, with what it came from. */
function ServiceLine({ service }: { service: ServiceTotals }) {
  if (service.minutes === 0) return null
  const parts = SERVICE_KINDS.filter((kind) => service[kind] > 0).map(
    (kind) => `${SERVICE_KIND_LABELS[kind]}${hoursText(service[kind])}小时`,
  )
  return (
    <Text className="me__line me__service">
      已确认的服务时长：共{hoursText(service.minutes)}小时（{parts.join('，')}）
    </Text>
  )
}

function VolunteerCard({ me }: { me: Me }) {
  const volunteer = me.volunteer
  return (
    <View className="card me__volunteer">
      <Text className="card__title">志愿者</Text>
      {volunteer ? (
        <View>
          <View className="me__status-row">
            <Text className="me__status-label">申请状态：</Text>
            <AtTag className={`tag ${STATUS_TONES[volunteer.status]}`} circle>
              {VOLUNTEER_STATUS_LABELS[volunteer.status]}
            </AtTag>
          </View>
          {volunteer.status === 'pending' && <Text className="hint">社工会尽快审核，请耐心等待。</Text>}
          {volunteer.status === 'approved' && (
            <Text className="me__line">特长：{volunteer.skills.join('、') || '未填写'}</Text>
          )}
          {volunteer.status === 'rejected' && volunteer.reason && (
            <Text className="me__line">原因：{volunteer.reason}</Text>
          )}
        </View>
      ) : (
        <Text className="me__line">您还不是志愿者。愿意帮助邻居的话，欢迎申请！</Text>
      )}
      <ServiceLine service={me.service} />
      {canApplyVolunteer(me) && (
        <Button className="btn btn--primary" onClick={() => openPage(ROUTES.volunteerApply)}>
          {volunteer ? '重新申请志愿者' : '申请成为志愿者'}
        </Button>
      )}
    </View>
  )
}

export default function MePage() {
  const { me, loading, error, needsIdentity, reload } = useMe()
  useTabSelected(ROUTES.me)
  const [pickerOpen, setPickerOpen] = useState(false)

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const elder = Boolean(me?.profile.elderMode)

  // Each role's own home first; a person with several roles picks one (remembered on the phone).
  const [, setChosen] = useState<Home | null>(null)
  const home: Home = me ? currentHome(me) : 'resident'
  const choose = (next: Home) => {
    chooseHome(next)
    setChosen(next)
  }

  // 消息's unread count and a volunteer's new tasks on their entries and as the tab's badge, read again
  // whenever 我的 shows.
  const [counts, setCounts] = useState<NoticeCounts>({ unread: 0, newTasks: 0 })
  const openid = me?.openid
  useEffect(() => {
    if (openid) void refreshUnreadBadge().then(setCounts)
  }, [openid])
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current && openid) void refreshUnreadBadge().then(setCounts)
    shownOnce.current = true
  })
  // A social worker's or a shopkeeper's own things come first; their resident cards move below the menu.
  const residentFirst = home === 'resident' || home === 'volunteer'

  return (
    <View className={`page me${elder ? ' page--elder' : ''}`}>
      <PrivacySheet />
      {process.env.TARO_ENV === 'h5' && (
        <IdentityPicker open={pickerOpen} onClose={() => setPickerOpen(false)} />
      )}
      {loading && !me && <Loading />}
      {error && !me && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请在弹出的名单里选一位。" />}
      {me && (
        <>
          <ProfileCard me={me} />
          <RoleHome me={me} home={home} onChoose={choose} newTasks={counts.newTasks} />
          {residentFirst && <PointsCard me={me} />}
          {residentFirst && <VolunteerCard me={me} />}
        </>
      )}
      <View className="me__menu">
        {me && (
          <MenuItem
            title="消息"
            icon="notices"
            description="需求进展、派单、活动变动和审核结果"
            badge={counts.unread}
            onClick={() => openPage(ROUTES.notices)}
          />
        )}
        {me && (
          <MenuItem
            title="编辑资料"
            icon="profile"
            description="昵称、手机号、社区、住址、关怀模式"
            onClick={() => openPage(ROUTES.editProfile)}
          />
        )}
        {me && (
          <MenuItem
            title="我的活动"
            icon="activities"
            description="报名的公益角活动，到现场签到、签退"
            onClick={() => openPage(ROUTES.myActivities)}
          />
        )}
        {me && (
          <MenuItem
            title="积分超市"
            icon="mall"
            description="用积分换油、鸡蛋、体检等实用的东西"
            onClick={() => openPage(ROUTES.mall)}
          />
        )}
        {me && (
          <MenuItem
            title="我的兑换"
            icon="orders"
            description="出示兑换码，看兑换记录"
            onClick={() => openPage(ROUTES.mallOrders)}
          />
        )}
        {me && (
          <MenuItem
            title="服务记录与证明"
            icon="service"
            description="每一次服务的记录和时长，开具志愿服务证明"
            onClick={() => openPage(ROUTES.serviceRecord)}
          />
        )}
        {hasRole(me, 'volunteer') && (
          <MenuItem
            title="爱心敲门 · 今日待访"
            icon="care"
            description="服务队队员：该去看望的老人，记录上门走访"
            onClick={() => openPage(ROUTES.careDue)}
          />
        )}
        {hasRole(me, 'merchant') && (
          <MenuItem
            title="扫码核销"
            icon="scan"
            description="商户专用：扫顾客的兑换码，把东西交给顾客"
            onClick={() => openPage(ROUTES.merchantScan)}
          />
        )}
        {hasRole(me, 'worker') && (
          <MenuItem
            title="志愿者审核"
            icon="review"
            description="社工专用：审核居民的志愿者申请"
            onClick={() => openPage(ROUTES.volunteerReview)}
          />
        )}
        {hasRole(me, 'worker') && (
          <MenuItem
            title="积分加减"
            icon="adjust"
            description="社工专用：给居民加文明积分或扣分"
            onClick={() => openPage(ROUTES.pointsAdjust)}
          />
        )}
        {hasRole(me, 'worker') && (
          <MenuItem
            title="商户与商品"
            icon="shops"
            description="社工专用：管理合作商户和能兑换的商品"
            onClick={() => openPage(ROUTES.mallShops)}
          />
        )}
        {hasRole(me, 'worker') && (
          <MenuItem
            title="积分结算"
            icon="settlement"
            description="社工专用：按月看各商户兑换了多少"
            onClick={() => openPage(ROUTES.mallSettlement)}
          />
        )}
        {hasRole(me, 'worker') && (
          <MenuItem
            title="公益角管理"
            icon="corners"
            description="社工专用：公益角、项目和活动，签到码和确认时长"
            onClick={() => openPage(ROUTES.cornersManage)}
          />
        )}
        {hasRole(me, 'worker') && (
          <MenuItem
            title="爱心敲门"
            icon="care"
            description="社工专用：关爱名单、服务队、超期和紧急走访"
            onClick={() => openPage(ROUTES.careOverview)}
          />
        )}
        {hasRole(me, 'worker') && (
          <MenuItem
            title="核验志愿服务证明"
            icon="verify"
            description="社工专用：输入编号或扫码核验，作废有误的证明"
            onClick={() => openPage(ROUTES.certificateVerify)}
          />
        )}
        {hasRole(me, 'worker') && (
          <MenuItem
            title="紧急走访提醒"
            icon="alert"
            description="社工专用：队员上门发现老人情况紧急时，微信马上通知您（点一次，可收到一次提醒）"
            onClick={askForCareAlerts}
          />
        )}
        <MenuItem
          title="隐私政策"
          icon="privacy"
          description="我们保存什么、为什么、谁能看到、怎样删除"
          onClick={() => openPage(ROUTES.privacy)}
        />
        {process.env.TARO_ENV === 'h5' && !needsIdentity && (
          <MenuItem
            title="切换体验身份"
            icon="switch"
            description="换成别的居民、志愿者、社工或商户看看"
            onClick={() => setPickerOpen(true)}
          />
        )}
      </View>
      {me && !residentFirst && <PointsCard me={me} />}
      {me && home === 'worker' && <VolunteerCard me={me} />}
    </View>
  )
}
