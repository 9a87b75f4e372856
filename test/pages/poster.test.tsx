/**
 * 活动海报 and the page its code opens, against a real emulator: only social workers make posters, a poster
 * shows loading while it is made and a plain error with 重新生成 when it cannot be (a cancelled activity), and
 * the activity page opened by a poster's code finds its activity from the `scene` alone.
 */
import { render, screen } from '@testing-library/react'
import { activityScene, type Activity } from '@shared/activities'
import ActivityPage from '@/packages/corners/pages/activity'
import ActivityPosterPage from '@/packages/worker/pages/activity-poster'
import { ROUTES } from '@/routes'
import { become, RESIDENT, routeTo, WORKER } from './needs-support'
import { callAs, startEmulatorForFile } from './support/app'
import { connectSdk } from '../helpers/sdk'

const emulator = startEmulatorForFile()
const WAIT = { timeout: 10_000 }
const ACTIVITY = 'demo-act-xiaohongmao-1'

test('the activity page opened by a poster’s code finds the activity from its scene', async () => {
  const activity = await callAs<Activity>(emulator(), RESIDENT, { action: 'get', id: ACTIVITY }, 'activities')
  await become(emulator(), RESIDENT)
  routeTo(ROUTES.activity, { scene: encodeURIComponent(activityScene(ACTIVITY)) })
  render(<ActivityPage />)
  expect(await screen.findByText(activity.title, {}, WAIT)).toBeInTheDocument()
})

test('tells anyone but a social worker that posters are theirs, asking nothing of the function', async () => {
  await become(emulator(), RESIDENT)
  routeTo(ROUTES.activityPoster, { id: ACTIVITY })
  render(<ActivityPosterPage />)
  expect(await screen.findByText('活动海报是社工用的', {}, WAIT)).toBeInTheDocument()
  expect(screen.queryByText('正在生成海报…')).not.toBeInTheDocument()
})

test('shows loading while the poster is made, and a plain error with 重新生成 for a cancelled activity', async () => {
  await connectSdk(emulator().url)
    .db.collection('activities')
    .doc(ACTIVITY)
    .update({ data: { status: 'cancelled' } })
  await become(emulator(), WORKER)
  routeTo(ROUTES.activityPoster, { id: ACTIVITY })
  render(<ActivityPosterPage />)
  expect(await screen.findByText('正在生成海报…', {}, WAIT)).toBeInTheDocument()
  expect(await screen.findByText('这个活动已经取消了，不能再做海报', {}, WAIT)).toBeInTheDocument()
  expect(screen.getByText('重新生成')).toBeInTheDocument()
})
