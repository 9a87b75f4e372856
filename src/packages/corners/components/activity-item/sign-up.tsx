import { useState, type ReactNode } from 'react'
import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ACTIVITY_PHASE_LABELS, activityPhase, type Activity } from '@shared/activities'
import type { ErrorCode } from '@shared/envelope'
import { formatWindow } from '@/components/activity-time'
import ConfirmDialog from '@/components/confirm-dialog'
import { ROUTES, openPage } from '@/routes'
import { ACTIVITY_TEMPLATES, signUp } from '@/services/activities'
import { askForNotices } from '@/services/notices'
import { toCloudError } from '@/services/cloud'
import { holdsPlace } from '.'

/**
 * Answers to a sign-up that say something about the activity (full, already mine, overlapping another of
 * mine, closed meanwhile): shown on the activity itself, which is then read again.
 */
const REFUSALS: readonly ErrorCode[] = [
  'resource-exhausted',
  'already-exists',
  'failed-precondition',
  'not-found',
]

/** What a person can do with an activity, as one button (a quiet one saying why when nothing can be done). */
export function SignUpAction({
  activity,
  now,
  onSignUp,
}: {
  activity: Activity
  now: number
  onSignUp: () => void
}) {
  if (holdsPlace(activity)) {
    return (
      <Button className="btn btn--secondary" onClick={() => openPage(ROUTES.myActivities)}>
        到“我的活动”签到
      </Button>
    )
  }
  const phase = activityPhase(activity, now)
  if (phase !== 'open')
    return (
      <Button className="btn btn--quiet btn--disabled" disabled>
        {ACTIVITY_PHASE_LABELS[phase]}
      </Button>
    )
  return (
    <Button className="btn btn--primary" onClick={onSignUp}>
      我要报名
    </Button>
  )
}

export interface SignUpFlow {
  /** Opens the confirmation for this activity. */
  ask: (activity: Activity) => void
  /** Why the last try failed, by activity. */
  messages: Record<string, string>
  /** The confirmation dialog while it is open. */
  dialog: ReactNode
}

/**
 * Signing up with a confirmation first: `onPlace` gets the activity as it stands after a place was taken;
 * a refusal about the activity is kept in `messages` and `reload` reads it again.
 */
export function useSignUp(onPlace: (activity: Activity) => void, reload: () => void): SignUpFlow {
  const [asking, setAsking] = useState<Activity | null>(null)
  const [messages, setMessages] = useState<Record<string, string>>({})

  const signUpFor = async (activity: Activity) => {
    // Inside the tap (WeChat shows its dialog only there): may we tell them if the activity is cancelled?
    void askForNotices([ACTIVITY_TEMPLATES.change])
    try {
      const place = await signUp(activity.id)
      onPlace(place.activity)
      setMessages(({ [activity.id]: _gone, ...rest }) => rest)
      setAsking(null)
      Taro.showToast({ title: '报名成功', icon: 'success', duration: 2000 }).catch(() => undefined)
    } catch (e) {
      const problem = toCloudError(e)
      if (!REFUSALS.includes(problem.code)) throw problem
      setAsking(null)
      setMessages((previous) => ({ ...previous, [activity.id]: problem.message }))
      reload()
    }
  }

  const dialog = asking && (
    <ConfirmDialog
      title="确认报名？"
      content={`${asking.title}，${formatWindow(asking.startAt, asking.endAt)}，在${asking.location}。请按时到场，到了找社工扫码签到。`}
      confirmText="确认报名"
      onConfirm={() => signUpFor(asking)}
      onClose={() => setAsking(null)}
    />
  )
  return { ask: setAsking, messages, dialog }
}
