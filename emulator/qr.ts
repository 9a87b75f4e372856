/**
 * `wxacode.getUnlimited` as the emulator answers it: a real, scannable QR code (not WeChat's round 小程序码)
 * that encodes the page and the scene, as a PNG. What it encodes is `<page>?scene=<scene>` (the page as given,
 * without a leading slash; `pages/index/index` when none is given), so that a test can scan it back.
 */
import qrcode from 'qrcode-generator'
import { encodePng } from './png'

/** Scanners need a light margin of four modules. */
const QUIET = 4

/** The text the emulator's mini-program code encodes for `scene` and `page`. */
export function wxacodeText(scene: string, page: string | undefined): string {
  const target = (page || 'pages/index/index').replace(/^\/+/, '')
  return `${target}?scene=${encodeURIComponent(scene)}`
}

/** A black-on-white PNG QR code of `text`, about `width` pixels wide (WeChat's default 430). */
export function qrPng(text: string, width = 430): Buffer {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const modules = qr.getModuleCount()
  const cells = modules + QUIET * 2
  const cell = Math.max(2, Math.floor(width / cells))
  const size = cells * cell
  return encodePng(size, size, (x, y) => {
    const row = Math.floor(y / cell) - QUIET
    const col = Math.floor(x / cell) - QUIET
    const dark = row >= 0 && col >= 0 && row < modules && col < modules && qr.isDark(row, col)
    return dark ? [0, 0, 0] : [255, 255, 255]
  })
}
