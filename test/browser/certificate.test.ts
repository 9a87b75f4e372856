/**
 * A 志愿服务证明 in a real browser, on the H5 build served by the emulator: a volunteer opens 服务记录与证明 from
 * 我的, issues a certificate, and downloads its picture (drawn on a canvas on the phone); the QR code on that
 * picture, read back with jsQR, opens the public verify page for anyone, which shows it valid with the masked
 * name and the hours — and, once a social worker revokes it, revoked.
 */
import fs from 'node:fs'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Certificate } from '@shared/certificate'
import type { Page } from '@shared/envelope'
import { hoursText } from '@shared/service'
import {
  ARTIFACTS,
  contextsForFile,
  demoAppForFile,
  loadedImage,
  phone,
  phoneAs,
  snapshot,
  visibleText as visible,
} from '../helpers/browser'

const app = demoAppForFile()
const contexts = contextsForFile()

const VOLUNTEER = 'demo-volunteer-zhang'
const WORKER = 'demo-worker-liu'

it('a volunteer downloads a certificate whose QR code opens the verify page, valid and then revoked', async () => {
  const { emu, browser } = app()
  const volunteer = await phoneAs(browser, contexts, `${emu.url}/#/pages/me/index`, '张桂芹')
  await visible(volunteer, '服务记录与证明').click()
  await visible(volunteer, '开具志愿服务证明').waitFor()
  await visible(volunteer, '还没有开具过证明。').waitFor()
  await snapshot(volunteer, 'certificate-01-record')

  await visible(volunteer, '开具证明').click()
  await loadedImage(volunteer, '.drawn-picture img')
  await snapshot(volunteer, 'certificate-02-image')

  const mine = await emu.call<Page<Certificate>>('certificate', { action: 'mine' }, VOLUNTEER)
  const cert = mine.data!.items[0]
  expect(cert.status).toBe('valid')

  const downloading = volunteer.waitForEvent('download')
  await visible(volunteer, '下载图片').click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe(`志愿服务证明-${cert.serial}.png`)
  const saved = path.join(ARTIFACTS, 'certificate-download.png')
  fs.copyFileSync(await download.path(), saved)
  const png = PNG.sync.read(fs.readFileSync(saved))
  expect(png.width).toBe(750)
  const scanned = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(scanned).not.toBeNull()
  const link = scanned!.data
  expect(link).toBe(`${emu.url}/#/packages/service/pages/verify/index?serial=${cert.serial}`)

  // Anyone who scans it: a phone that never picked an identity.
  const context = await phone(browser)
  contexts.push(context)
  const stranger = await context.newPage()
  await stranger.goto(link)
  await visible(stranger, '有效').waitFor()
  await visible(stranger, '姓名：张*芹').waitFor()
  await visible(stranger, `服务时长：共${hoursText(cert.total)}小时`).waitFor()
  const shown = (await stranger.locator('.service__check').filter({ visible: true }).innerText()) ?? ''
  expect(shown).not.toContain('张桂芹')
  expect(shown).not.toContain(cert.phoneMasked)
  await snapshot(stranger, 'certificate-03-verify-valid')

  const revoked = await emu.call(
    'certificate',
    { action: 'revoke', serial: cert.serial, reason: '时长登记重复' },
    WORKER,
  )
  expect(revoked).toMatchObject({ ok: true })
  await stranger.reload()
  await visible(stranger, '已作废').waitFor()
  await snapshot(stranger, 'certificate-04-verify-revoked')
})
