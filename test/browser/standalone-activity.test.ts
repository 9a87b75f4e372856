/**
 * In a real browser, on the H5 build: a social worker publishes a community activity of no project with
 * 发布社区活动 (环境整治 and the like); a resident finds it on the 活动 tab, opens it, signs up, and sees the
 * place in 我的活动. Before the 活动 tab and the activity page, such an activity showed nowhere.
 */
import type { Activity, Participation } from '@shared/activities'
import type { Page as Paged } from '@shared/envelope'
import { demoAppForFile, phone, pickIdentity, snapshot, tapText as tap, visible } from '../helpers/browser'

const app = demoAppForFile()

/** 赵丽 holds no place in any coming activity of the demo seed. */
const RESIDENT = { openid: 'demo-resident-zhao', name: '赵丽' }
const WORKER = { openid: 'demo-worker-liu', name: '刘敏' }
const TITLE = '环境整治：清理楼道小广告'

it('lets a worker publish a community activity of no project that a resident finds on 活动, signs up for and sees in 我的活动', async () => {
  // The worker publishes it on 公益角管理 → 活动 → 发布社区活动.
  const workerContext = await phone(app().browser)
  const worker = await workerContext.newPage()
  await worker.goto(app().emu.url)
  await pickIdentity(worker, WORKER.name)
  await tap(worker, '公益角管理')
  await visible(worker, '.manage__tab', '活动').click()
  await tap(worker, '发布社区活动（不属于项目，如环境整治）')
  await worker.locator('input[placeholder="例如：陪老人逛公益角"]').filter({ visible: true }).fill(TITLE)
  await snapshot(worker, 'standalone-01-worker-form')
  await tap(worker, '发布')
  await visible(worker, '.manage__row', TITLE).waitFor()
  await snapshot(worker, 'standalone-02-worker-list')
  const mine = await app().emu.call<Paged<Activity>>(
    'activities',
    { action: 'list', limit: 20 },
    WORKER.openid,
  )
  const published = mine.data!.items.find((a) => a.title === TITLE)
  expect(published).toMatchObject({ projectId: null, status: 'open', signedUp: 0 })

  // The resident finds it on the 活动 tab and signs up on its page.
  const residentContext = await phone(app().browser)
  const resident = await residentContext.newPage()
  await resident.goto(app().emu.url)
  await pickIdentity(resident, RESIDENT.name)
  await resident.locator('.taro-tabbar__tabbar').getByText('活动', { exact: true }).click()
  const card = visible(resident, '.activity-card', TITLE)
  await card.waitFor()
  await card.getByText('社区活动', { exact: false }).waitFor()
  await snapshot(resident, 'standalone-03-activities-tab')
  await card.click()
  const item = visible(resident, '.activity-item', TITLE)
  await item.waitFor()
  await item.getByText('我要报名', { exact: true }).click()
  await resident.getByText('确认报名？').filter({ visible: true }).waitFor()
  await tap(resident, '确认报名')
  await item.getByText('已报名', { exact: true }).waitFor()
  await snapshot(resident, 'standalone-04-signed-up')

  // 我的活动 holds the place.
  await item.getByText('到“我的活动”签到', { exact: true }).click()
  await visible(resident, '.place', TITLE).waitFor()
  await snapshot(resident, 'standalone-05-my-activities')
  const places = await app().emu.call<Paged<Participation>>('activities', { action: 'mine' }, RESIDENT.openid)
  expect(places.data!.items.map((p) => p.activity.id)).toEqual([published!.id])

  await workerContext.close()
  await residentContext.close()
})
