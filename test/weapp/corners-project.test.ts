import type { Activity } from '@shared/activities'
import {
  cloudCalls,
  connect,
  renderPage,
  subscriptionRequests,
  tapText,
  waitForNoText,
  waitForText,
  waitUntil,
  type RenderedPage,
  demoEmulatorForFile,
} from './support/weapp'

const emulator = demoEmulatorForFile()

const WORKER = 'demo-worker-liu'
/** Someone new, with no places that a new one could overlap. */
const NEWCOMER = 'weapp-newcomer'

/** Taps the element showing `text` inside the innermost block that also shows `around`. */
async function tapWithin(page: RenderedPage, around: string, text: string): Promise<void> {
  const shows = (el: Element, t: string) => el.textContent?.includes(t) ?? false
  const nodes = Array.from((page.dom as HTMLElement).querySelectorAll('[data-sid]'))
  const block = nodes.filter((el) => shows(el, around) && shows(el, text)).pop()
  const target = Array.from(block?.querySelectorAll('[data-sid]') ?? [])
    .filter((el) => shows(el, text))
    .pop()
  if (!target) throw new Error(`no "${text}" next to "${around}"`)
  // What the tap leads to is waited for by the caller (waitForText).
  page.querySelector(`#${target.getAttribute('data-sid')}`)!.dispatchEvent('tap')
}

test('signing up on a project page of the weapp build asks, within the tap, to be told if the activity is cancelled', async () => {
  const startAt = Math.ceil((Date.now() + 72 * 3600_000) / 600_000) * 600_000
  const made = await emulator().call<Activity>(
    'activities',
    {
      action: 'upsert',
      projectId: 'project-shimenbaijing',
      title: '石门百景：老城墙拍照',
      location: '塔北公园公益角',
      startAt,
      endAt: startAt + 2 * 3600_000,
      capacity: 5,
      pointsPerHour: 10,
    },
    WORKER,
  )
  if (!made.ok) throw new Error(`upsert failed: ${JSON.stringify(made)}`)
  connect(emulator().url, NEWCOMER)

  const page = renderPage('packages/corners/pages/project/index', { id: 'project-shimenbaijing' })
  await waitForText(page, '石门百景：老城墙拍照')
  await tapWithin(page, '石门百景：老城墙拍照', '我要报名')
  await waitForText(page, '确认报名？')
  await tapText(page, '确认报名')

  const signup = () =>
    cloudCalls().findIndex(
      (c) => c.name === 'activities' && (c.data as { action?: string }).action === 'signup',
    )
  await waitUntil(
    () => signup() >= 0,
    () => `the page never called activities.signup: ${JSON.stringify(cloudCalls())}`,
  )
  const asked = subscriptionRequests().find((r) => r.tmplIds.includes('local-activity-change'))
  // Asked before the sign-up went out: WeChat opens its dialog only while the tap is being handled.
  expect(asked).toBeDefined()
  expect(asked!.callsBefore).toBeLessThanOrEqual(signup())
  // The dialog closes once the sign-up has come back.
  await waitForNoText(page, '确认报名？')
  const place = await emulator().call<{ items: { activity: Activity }[] }>(
    'activities',
    { action: 'mine' },
    NEWCOMER,
  )
  expect(place.data!.items.map((i) => i.activity.id)).toContain(made.data!.id)
})
