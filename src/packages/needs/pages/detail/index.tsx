import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { NEED_CATEGORY_LABELS, type Need } from '@shared/needs'
import type { Me } from '@shared/user'
import ConfirmDialog from '@/components/confirm-dialog'
import { ContactLine, addressLabel, callPhone, goToPlace } from '@/components/contact-line'
import NeedCompleteForm from '@/components/need-complete-form'
import { NeedStatusTag, UrgentMark, formatNeedTime, requesterLine } from '@/components/need-card'
import { ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { type CloudError, toCloudError } from '@/services/cloud'
import {
  NEED_TEMPLATES,
  cancelNeed,
  claimNeed,
  completeNeed,
  confirmNeed,
  getNeed,
  markNeedsSeen,
  releaseNeed,
} from '@/services/needs'
import { askForNotices } from '@/services/notices'
import NeedPhotos from '../../components/need-photos'
import NeedSteps from '../../components/need-steps'
import RatingForm, { RATING_WORDS, Stars, creditFor } from '../../components/rating-form'
import { RELEASE_NOTE } from '@/utils/volunteer'
import './index.scss'

type Dialog = 'cancel' | 'claim' | 'release'

/** The people around a need, as this caller is one of them. */
function rolesFor(need: Need, me: Me) {
  const isRequester = need.requester.openid === me.openid
  const isWorker = hasRole(me, 'worker')
  const isAssignee = need.assignee?.openid === me.openid
  const isVolunteer = hasRole(me, 'volunteer')
  return { isRequester, isWorker, isAssignee, isVolunteer }
}

/** One sentence under the steps saying what happens next, for whoever is looking. */
function nextStep(need: Need, me: Me): string {
  const { isRequester, isAssignee } = rolesFor(need, me)
  const volunteer = need.assignee?.nickname ?? '志愿者'
  switch (need.status) {
    case 'pending':
      return isRequester ? '社工正在审核，请耐心等待。' : '等待社工审核。'
    case 'open':
      return isRequester ? '已通过审核，正在等志愿者接单。' : '正在等志愿者接单。'
    case 'assigned':
      if (isAssignee) return '请尽快打电话联系，约好时间上门。帮完后在下面填写完成情况。'
      return isRequester ? `志愿者${volunteer}已接单，会打电话和您约时间。` : `志愿者${volunteer}正在服务。`
    case 'done':
      if (isAssignee) return '等待居民确认，确认后积分就到账。'
      return isRequester ? `${volunteer}说已经帮完了，请您确认。` : '志愿者已完成，等待居民确认。'
    case 'confirmed':
      return `已完成，谢谢${volunteer}的帮助！`
    default:
      return ''
  }
}

function ContactCard({ need, me }: { need: Need; me: Me }) {
  if (need.address || need.contactPhone) {
    return (
      <View className="card detail__contact">
        <Text className="card__title">地址和电话</Text>
        {need.address && (
          <ContactLine
            label={addressLabel('地址', need)}
            value={need.address}
            onTap={() =>
              goToPlace({
                name: need.onBehalfOf?.name ?? need.title,
                address: need.address!,
                location: need.location,
              })
            }
          />
        )}
        {need.contactPhone && (
          <ContactLine
            label="电话（点一下拨打）"
            value={need.contactPhone}
            onTap={() => callPhone(need.contactPhone!)}
          />
        )}
      </View>
    )
  }
  const { isVolunteer } = rolesFor(need, me)
  if (!isVolunteer || need.status !== 'open') return null
  return (
    <View className="card detail__contact">
      <Text className="card__title">地址和电话</Text>
      <Text className="detail__line detail__hidden">为保护居民隐私，接单后才能看到地址和电话。</Text>
    </View>
  )
}

function ServiceCard({ need }: { need: Need }) {
  if (!need.assignee) return null
  const credit = need.rating ? creditFor(need.points, need.rating as 1) : null
  return (
    <View className="card detail__service">
      <Text className="card__title">志愿服务</Text>
      <Text className="detail__line">志愿者：{need.assignee.nickname}</Text>
      {need.minutes !== null && <Text className="detail__line">服务时长：{need.minutes} 分钟</Text>}
      {need.completionNote && <Text className="detail__line">服务记录：{need.completionNote}</Text>}
      {need.status === 'confirmed' && need.rating !== null && (
        <View className="detail__rating">
          <Stars value={need.rating} />
          <Text className="detail__rating-word">{RATING_WORDS[need.rating as 1]}</Text>
          {need.comment && <Text className="detail__line">评价：{need.comment}</Text>}
          {credit && <Text className="detail__line detail__credit">志愿者获得 {credit.total} 积分</Text>}
        </View>
      )}
    </View>
  )
}

export default function NeedDetailPage() {
  const id = useRouter()?.params?.id ?? ''
  const { me, error: meError, reload: reloadMe } = useMe()
  const [need, setNeed] = useState<Need | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const [completing, setCompleting] = useState(false)
  const requestId = useRef(0)

  const load = useCallback(async () => {
    const current = ++requestId.current
    setError(null)
    try {
      const fresh = await getNeed(id)
      if (current === requestId.current) setNeed(fresh)
      // Dispatched to this volunteer and opened: seen (我的任务's badge). Failing leaves it new; nothing to say.
      if (fresh.unseen) void markNeedsSeen([fresh.id]).catch(() => undefined)
    } catch (e) {
      if (current === requestId.current) setError(toCloudError(e))
    }
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  const elder = Boolean(me?.profile.elderMode)
  const page = (children: ReactNode) => (
    <View className={`page detail${elder ? ' page--elder' : ''}`}>{children}</View>
  )

  if (error && !need) return page(<ErrorState message={error.message} onRetry={() => void load()} />)
  if (meError && !me) return page(<ErrorState message={meError.message} onRetry={() => void reloadMe()} />)
  if (!need || !me) return page(<Loading />)

  const { isRequester, isWorker, isAssignee, isVolunteer } = rolesFor(need, me)
  const canCancel =
    (isRequester && (need.status === 'pending' || need.status === 'open')) ||
    (isWorker && ['pending', 'open', 'assigned', 'done'].includes(need.status))
  const canClaim = need.status === 'open' && isVolunteer && !isRequester
  const canConfirm = need.status === 'done' && (isRequester || isWorker)

  const changed = (fresh: Need, message: string) => {
    setNeed(fresh)
    setDialog(null)
    setCompleting(false)
    Taro.showToast({ title: message, icon: 'none', duration: 2500 })
  }

  return page(
    <>
      <View className={`card detail__main${need.urgency === 'urgent' ? ' detail__main--urgent' : ''}`}>
        <View className="detail__head">
          <Text className="detail__category">{NEED_CATEGORY_LABELS[need.category]}</Text>
          {need.urgency === 'urgent' && <UrgentMark />}
          <View className="detail__status">
            <NeedStatusTag status={need.status} />
          </View>
        </View>
        <Text className="detail__title">{need.title}</Text>
        <Text className="detail__description">{need.description}</Text>
        {need.preferredTime && <Text className="detail__line">希望时间：{need.preferredTime}</Text>}
        <Text className="detail__line">求助人：{requesterLine(need)}</Text>
        <Text className="detail__line detail__time">发布于 {formatNeedTime(need.createdAt)}</Text>
        {need.points > 0 && need.status !== 'confirmed' && (
          <Text className="detail__line detail__points">居民确认后，志愿者可得 {need.points} 积分</Text>
        )}
      </View>

      <View className="card detail__progress">
        <Text className="card__title">进度</Text>
        {need.status === 'rejected' ? (
          <View className="detail__notice">
            <Text className="detail__notice-title">没有通过审核</Text>
            {need.rejectReason && <Text className="detail__line">原因：{need.rejectReason}</Text>}
          </View>
        ) : need.status === 'cancelled' ? (
          <View className="detail__notice">
            <Text className="detail__notice-title">已取消</Text>
            {need.cancelReason && <Text className="detail__line">原因：{need.cancelReason}</Text>}
          </View>
        ) : (
          <>
            <NeedSteps status={need.status} />
            <Text className="detail__next">{nextStep(need, me)}</Text>
          </>
        )}
      </View>

      <NeedPhotos
        need={need}
        canRemove={isRequester || isWorker}
        canRemoveCompletion={isWorker}
        onChanged={setNeed}
      />
      <ContactCard need={need} me={me} />
      <ServiceCard need={need} />
      {isWorker && need.releases && need.releases.length > 0 && (
        <View className="card detail__releases">
          <Text className="card__title">放弃记录</Text>
          {need.releases.map((r) => (
            <Text key={`${r.openid}-${r.at}`} className="detail__line">
              {`${formatNeedTime(r.at)} 志愿者${r.nickname}放弃了`}
            </Text>
          ))}
        </View>
      )}

      {canConfirm && (
        <RatingForm
          need={need}
          onBehalf={!isRequester}
          onSubmit={async (input) => changed(await confirmNeed(input), '已确认，谢谢您的评价！')}
        />
      )}

      {isAssignee && need.status === 'assigned' && (
        <View className="card detail__complete">
          <Text className="card__title">帮完了吗？</Text>
          {completing ? (
            <NeedCompleteForm
              needId={need.id}
              photoOwner={me.openid}
              onSubmit={async (input) => changed(await completeNeed(input), '已提交，等待居民确认')}
              onCancel={() => setCompleting(false)}
            />
          ) : (
            <Button className="btn btn--primary" onClick={() => setCompleting(true)}>
              填写完成情况
            </Button>
          )}
          {!completing && (
            <Button className="btn btn--danger" onClick={() => setDialog('release')}>
              我去不了，放弃这单
            </Button>
          )}
        </View>
      )}

      <View className="detail__actions">
        {canClaim && (
          <Button className="btn btn--primary detail__claim" onClick={() => setDialog('claim')}>
            我来帮忙（接单）
          </Button>
        )}
        {isWorker && need.status === 'pending' && (
          <Button className="btn btn--primary" onClick={() => openPage(ROUTES.needsReview)}>
            去审核
          </Button>
        )}
        {isWorker && need.status === 'open' && (
          <Button className="btn btn--secondary" onClick={() => openPage(`${ROUTES.needsAll}?status=open`)}>
            去派单
          </Button>
        )}
        {canCancel && (
          <Button className="btn btn--quiet" onClick={() => setDialog('cancel')}>
            {isRequester ? '不需要了，取消求助' : '取消这个需求'}
          </Button>
        )}
      </View>

      {dialog === 'claim' && (
        <ConfirmDialog
          title="接下这个需求？"
          content="接单后您能看到地址和电话，请尽快打电话和居民约好时间。"
          confirmText="确认接单"
          onConfirm={async () => {
            // Inside the tap: WeChat shows its subscription dialog only there.
            const asking = askForNotices([NEED_TEMPLATES.dispatch])
            changed(await claimNeed(need.id), '接单成功，请尽快联系居民')
            await asking
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'release' && (
        <ConfirmDialog
          title="放弃这个需求？"
          content={`放弃后，需求回到需求大厅，别的志愿者可以接。如果已经和居民约好，请先打电话说一声。${RELEASE_NOTE}`}
          confirmText="确认放弃"
          onConfirm={async () => changed(await releaseNeed(need.id), '已放弃，需求回到了需求大厅')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'cancel' && (
        <ConfirmDialog
          title={isRequester ? '取消这条求助？' : '取消这个需求？'}
          content={
            isRequester
              ? '取消后，志愿者就不会再看到这条求助了。'
              : '取消后不能恢复，请先和居民、志愿者说一声。'
          }
          confirmText="确认取消"
          cancelText="不取消"
          reason={{
            label: '取消的原因（可以不填）',
            placeholder: '例如：家里人已经帮忙办好了',
            validate: (reason) => (reason.length > 200 ? '取消原因不能超过200个字' : null),
          }}
          onConfirm={async (reason) => changed(await cancelNeed(need.id, reason || undefined), '已取消')}
          onClose={() => setDialog(null)}
        />
      )}
    </>,
  )
}
