/**
 * A need's photo in a real browser, on the H5 build served by the emulator: a resident attaches a photo while
 * posting (picked, compressed and uploaded into the resident's own folder), the worker approves and
 * dispatches the need, and the assigned volunteer sees the photo on the need's page; another volunteer gets
 * neither the need nor its photos — the answer of a missing need — and cannot read the file from storage.
 */
import path from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import type { Need, NeedPhoto } from '@shared/needs'
import { encodePng } from '../../emulator/png'
import { launchBrowser, loadedImage, phoneAs, snapshot, visibleText as visible } from '../helpers/browser'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk } from '../helpers/sdk'
import { tempUrl } from '../helpers/storage'

let emu: Emulator
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  emu = await startEmulator({ seed: 'demo', h5Dir: path.resolve('dist-h5') })
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await emu?.stop()
})

const RESIDENT = 'demo-resident-wang'
const WORKER = 'demo-worker-liu'
const VOLUNTEER = 'demo-volunteer-zhang'
const OTHER_VOLUNTEER = 'demo-volunteer-chen'
const TITLE = '阳台的晾衣架掉下来了'

/** Calls a function as `openid` and answers its data (fails the test on an error envelope). */
async function data<T>(name: string, body: object, openid: string): Promise<T> {
  const envelope = await emu.call<T>(name, body, openid)
  expect(envelope).toMatchObject({ ok: true })
  return envelope.data as T
}

it('a resident’s photo reaches the assigned volunteer and nobody else', async () => {
  // A photo from the resident's phone: a 400 × 300 picture, drawn here.
  const photo = encodePng(400, 300, (x, y) => [(x * 3) & 255, (y * 5) & 255, 120])
  const tab = `${emu.url}/#/pages/needs/index`
  const resident = await phoneAs(browser, contexts, tab, '王秀英')
  await visible(resident, '我要求助').click()
  const form = resident.locator('.need-form').filter({ visible: true }).first()
  await form.getByText('维修', { exact: true }).click()
  await resident.locator('input[placeholder="例如：帮忙买一周的菜"]').fill(TITLE)
  await resident
    .locator('textarea[placeholder="例如：腿脚不方便，想请人帮忙买青菜和鸡蛋，钱当面给"]')
    .fill('晾衣架的螺丝松了，掉在阳台上，请帮忙装回去。')
  await resident.locator('input[placeholder="例如：3栋1单元101"]').fill('道义街3502社区3栋1单元101')
  await resident.locator('input[placeholder="例如：13912345678"]').fill('13603110005')
  await form.locator('[aria-label="添加照片"]').click()
  // The album is first used here: the 隐私保护提示 asks, and agreeing opens it.
  await visible(resident, '隐私保护提示').waitFor()
  const chooser = resident.waitForEvent('filechooser')
  await visible(resident, '同意并继续').click()
  await (await chooser).setFiles({ name: 'balcony.png', mimeType: 'image/png', buffer: photo })
  await form.locator('.photo-picker__item').waitFor()
  await form.getByText('上传中…').waitFor({ state: 'detached' })
  await snapshot(resident, 'need-photos-01-form')
  await visible(resident, '提交求助').click()
  await visible(resident, '求助已提交').waitFor()

  const mine = await data<{ items: Need[] }>('needs', { action: 'list', scope: 'mine' }, RESIDENT)
  const need = mine.items.find((n) => n.title === TITLE)!
  expect(need.photoCount).toBe(1)
  await data('needs', { action: 'review', id: need.id, approve: true }, WORKER)
  await data('needs', { action: 'dispatch', id: need.id, volunteerOpenid: VOLUNTEER }, WORKER)

  // The assigned volunteer opens the need and sees the photo, loaded.
  const volunteer = await phoneAs(browser, contexts, tab, '张桂芹')
  await volunteer.goto(`${emu.url}/#/packages/needs/pages/detail/index?id=${need.id}`)
  await loadedImage(volunteer, '.need-photos .photo-thumb img')
  await snapshot(volunteer, 'need-photos-02-volunteer')

  // Another volunteer: the answer of a missing need, for the need and for its photos.
  const missing = await emu.call('needs', { action: 'photos', id: 'need-does-not-exist' }, OTHER_VOLUNTEER)
  expect(await emu.call('needs', { action: 'photos', id: need.id }, OTHER_VOLUNTEER)).toEqual(missing)
  expect(missing).toMatchObject({ ok: false, code: 'not-found' })
  // Nor can the file be read from storage by anyone but the functions: not even with its file ID.
  const record = (await connectSdk(emu.url).db.collection('needs').doc(need.id).get()).data
  const fileID: string = record.photos[0].fileID
  expect(await tempUrl(emu, fileID, OTHER_VOLUNTEER)).toBeNull()
  expect(await tempUrl(emu, fileID, RESIDENT)).toBeNull()
  const shown = await data<{ items: NeedPhoto[] }>('needs', { action: 'photos', id: need.id }, VOLUNTEER)
  expect(shown.items).toHaveLength(1)
})
