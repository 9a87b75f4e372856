/**
 * An activity's poster in a real browser, on the H5 build served by the emulator: a social worker opens the
 * activity, makes its poster (drawn on a canvas on the phone around the code from `activities.posterCode`) and
 * downloads it; the code on the downloaded picture, read back with jsQR, opens that activity's page for a
 * resident. The poster's top is its project's cover (the activity has none), and once the project and the corner
 * have none either, the cover the phone draws itself.
 */
import fs from 'node:fs'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Page } from 'playwright-core'
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
import type { Emulator } from '../helpers/emulator'

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
  const png = await downloadPoster(worker, 'poster-download.png')
  await snapshot(worker, 'poster-01-image')
  // The top is the project's cover, veiled: its colour where the poster's corner shows it.
  expectCloseTo(topLeft(png), await veiledCoverPixel(emu))
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

  // Without a cover on the project and on its corner, the poster draws its own: the brand's red.
  for (const [action, id] of [
    ['setProjectCover', 'project-xiaohongmao'],
    ['setCover', 'corner-shiji-park'],
  ])
    expect(await emu.call('corners', { action, id, fileID: null }, 'demo-worker-liu')).toMatchObject({
      ok: true,
    })
  await worker.goto(`${emu.url}/#/packages/corners/pages/activity/index?id=${ACTIVITY}`)
  await worker.reload()
  await visible(worker, '活动海报').click()
  const drawn = await downloadPoster(worker, 'poster-download-drawn.png')
  expectCloseTo(topLeft(drawn), [217, 72, 43])
})

/** Makes the poster on the page it shows, downloads it and reads the PNG (kept under `name` in the artifacts). */
async function downloadPoster(page: Page, name: string): Promise<PNG> {
  await loadedImage(page, '.drawn-picture img')
  const downloading = page.waitForEvent('download')
  await visible(page, '下载图片').click()
  const download = await downloading
  const saved = path.join(ARTIFACTS, name)
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  fs.copyFileSync(await download.path(), saved)
  return PNG.sync.read(fs.readFileSync(saved))
}

/** The colour a few pixels into the poster's top-left corner. */
function topLeft(png: PNG): number[] {
  const at = (5 * png.width + 5) * 4
  return [png.data[at], png.data[at + 1], png.data[at + 2]]
}

/** Each channel of `actual` within a few levels of `expected` (the canvas rounds and smooths). */
function expectCloseTo(actual: number[], expected: number[]): void {
  const off = actual.map((c, i) => Math.abs(c - expected[i]))
  if (Math.max(...off) > 7)
    throw new Error(`colour ${actual.join(',')} is not close to ${expected.join(',')}`)
}

/**
 * What the poster's corner shows of the project's seeded cover: the poster fills its 750 × 460 top with the
 * middle of the cover and lays a veil of 42 % black over it (poster-image.ts).
 */
async function veiledCoverPixel(emu: Emulator): Promise<number[]> {
  const res = await emu.call<{ project: { coverUrl: string } }>('corners', {
    action: 'getProject',
    id: 'project-xiaohongmao',
  })
  const cover = PNG.sync.read(Buffer.from(await (await fetch(res.data!.project.coverUrl)).arrayBuffer()))
  const band = 750 / 460
  const sw = cover.width / cover.height > band ? cover.height * band : cover.width
  const sh = cover.width / cover.height > band ? cover.height : cover.width / band
  const x = Math.floor((cover.width - sw) / 2 + (5 * sw) / 750)
  const y = Math.floor((cover.height - sh) / 2 + (5 * sh) / 460)
  const at = (y * cover.width + x) * 4
  return [0, 1, 2].map((c) => Math.round(cover.data[at + c] * 0.58))
}
