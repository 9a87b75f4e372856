/**
 * Choosing whom to send a need to, and finding one near, in a real browser on the H5 build: the social worker's
 * 派单 sheet shows each volunteer's skills, 同社区 and the needs they hold now; the volunteer's 需求大厅 shows
 * what a need earns and, once the person allowed the location through the 隐私保护提示, how far in steps.
 * Screenshots in test-artifacts/dispatch-*.png.
 */
import type { Page } from 'playwright-core'
import type { Need } from '@shared/needs'
import {
  contextsForFile,
  demoAppForFile,
  phoneAs,
  snapshot,
  tapText,
  visible,
  visibleText,
} from '../helpers/browser'

const app = demoAppForFile()
const contexts = contextsForFile()

const RESIDENT = 'demo-resident-li' // 槐中路社区
const WORKER = 'demo-worker-liu'
/** Where the volunteer's phone is (GPS), and the need's place about there. */
const HERE = { latitude: 38.0412, longitude: 114.5203 }

/** A phone as `name` (picked on 我的), then opened at `route`. */
async function phoneOn(route: string, name: string): Promise<Page> {
  const { emu, browser } = app()
  const page = await phoneAs(browser, contexts, `${emu.url}/#/pages/me/index`, name)
  await page.goto(`${emu.url}/#${route}`)
  return page
}

async function openNeed(title: string): Promise<Need> {
  const { emu } = app()
  const created = await emu.call<Need>(
    'needs',
    {
      action: 'create',
      category: 'repair',
      title,
      description: '家里的小电器坏了，想请会修的邻居帮忙看看。',
      address: '槐中路社区2栋2单元201',
      contactPhone: '13503110007',
      location: { lat: HERE.latitude, lng: HERE.longitude },
    },
    RESIDENT,
  )
  const id = created.data!.id
  await emu.call('needs', { action: 'review', id, approve: true }, WORKER)
  return created.data!
}

it('a worker sees each volunteer’s skills, 同社区 and open tasks before dispatching', async () => {
  await openNeed('帮忙修一下电饭煲')
  const worker = await phoneOn('/packages/worker/pages/needs-all/index', '刘敏')
  await tapText(worker, '待接单')
  await visible(worker, '.need-card', '帮忙修一下电饭煲').getByText('派给志愿者', { exact: true }).click()
  const chen = visible(worker, '.volunteer-picker__person', '陈志强')
  await chen.getByText('同社区', { exact: true }).waitFor()
  await chen.getByText('擅长：家电维修、驾驶', { exact: true }).waitFor()
  await chen.getByText(/手上(没有| \d+ 件)服务中/).waitFor()
  // Neighbours first.
  await visible(worker, '.volunteer-picker__person').getByText('同社区', { exact: true }).waitFor()
  await snapshot(worker, 'dispatch-01-picker')
})

it('a volunteer sees what a need earns and, after allowing the location, how far it is', async () => {
  const { emu } = app()
  await openNeed('帮忙修一下台灯')
  const volunteer = await phoneOn('/packages/volunteer/pages/pool/index', '陈志强')
  await volunteer.context().grantPermissions(['geolocation'], { origin: emu.url })
  await volunteer.context().setGeolocation({ ...HERE, accuracy: 20 })
  const card = visible(volunteer, '.need-card', '帮忙修一下台灯')
  await card.getByText('完成可得 20 积分', { exact: true }).waitFor()
  await card.getByText('同社区', { exact: true }).waitFor()
  await tapText(volunteer, '显示距离')
  await visibleText(volunteer, '同意并继续').click()
  await card.getByText(/^离您 (1|3) 公里内$/).waitFor()
  await snapshot(volunteer, 'dispatch-02-pool')
})
