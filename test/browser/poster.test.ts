/**
 * An activity's poster in a real browser, on the H5 build served by the emulator: a social worker opens the
 * activity, makes its poster (drawn on a canvas on the phone around the code from `activities.posterCode`) and
 * downloads it; the code on the downloaded picture, read back with jsQR, opens that activity's page for a
 * resident.
 */
import fs from 'node:fs'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import {
  ARTIFACTS,
  contextsForFile,
  demoAppForFile,
  loadedImage,
  phoneAs,
  snapshot,
  visible as visibleIn,
  visibleText as visible,
} from '../helpers/browser'

const app = demoAppForFile()
const contexts = contextsForFile()

const ACTIVITY = 'demo-act-xiaohongmao-1'

it('a poster’s code, scanned from the downloaded picture, opens the activity it was made for', async () => {
  const { emu, browser } = app()
  const activity = await emu.call<{ title: string }>('activities', { action: 'get', id: ACTIVITY })
  expect(activity).toMatchObject({ ok: true })
  const title = activity.data!.title

  const worker = await phoneAs(browser, contexts, `${emu.url}/#/pages/me/index`, '刘敏')
  await worker.goto(`${emu.url}/#/packages/corners/pages/activity/index?id=${ACTIVITY}`)
  await visible(worker, '活动海报').click()
  await loadedImage(worker, '.drawn-picture img')
  await snapshot(worker, 'poster-01-image')

  const downloading = worker.waitForEvent('download')
  await visible(worker, '下载图片').click()
  const download = await downloading
  const saved = path.join(ARTIFACTS, 'poster-download.png')
  fs.copyFileSync(await download.path(), saved)
  const png = PNG.sync.read(fs.readFileSync(saved))
  const scanned = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(scanned).not.toBeNull()
  expect(scanned!.data).toMatch(/^packages\/corners\/pages\/activity\/index\?scene=/)
  expect(scanned!.data).not.toContain('id=')

  // A resident's phone opens what the code carries: the activity page with nothing but the scene.
  const resident = await phoneAs(browser, contexts, `${emu.url}/#/pages/me/index`, '王秀英')
  await resident.goto(`${emu.url}/#/${scanned!.data}`)
  await visible(resident, title).waitFor()
  await visibleIn(resident, '.activity-item__line', /积分：每服务 1 小时得/).waitFor()
  await snapshot(resident, 'poster-02-opened')
})
