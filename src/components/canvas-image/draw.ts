/**
 * Drawing on a 2D canvas the same way on WeChat (a `<canvas type="2d">` node) and in a browser: the few calls
 * both contexts share, and the pictures the app draws with them (a QR code from its modules, wrapped text).
 */
import qrcode from 'qrcode-generator'

/** What both WeChat's Canvas 2D context and the browser's CanvasRenderingContext2D offer. */
export interface Ctx2D {
  fillStyle: string | CanvasGradient | CanvasPattern
  strokeStyle: string | CanvasGradient | CanvasPattern
  lineWidth: number
  font: string
  textAlign: CanvasTextAlign
  textBaseline: CanvasTextBaseline
  fillRect(x: number, y: number, w: number, h: number): void
  beginPath(): void
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void
  fill(): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
  drawImage(image: CanvasImageSource, dx: number, dy: number, dw: number, dh: number): void
  drawImage(
    image: CanvasImageSource,
    sx: number,
    sy: number,
    sw: number,
    sh: number,
    dx: number,
    dy: number,
    dw: number,
    dh: number,
  ): void
}

export const FONT_FAMILY = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'

export function font(px: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${px}px ${FONT_FAMILY}`
}

/** Scanners need a light margin of four modules around the symbol. */
const QUIET_MODULES = 4

/**
 * Draws the QR symbol of `text` (medium error correction), black on white with its quiet zone, into the square
 * at (x, y) of side `size`; every module is a whole number of pixels so that a scanner reads it cleanly.
 */
export function drawQr(ctx: Ctx2D, text: string, x: number, y: number, size: number): void {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const modules = qr.getModuleCount()
  const cell = Math.max(1, Math.floor(size / (modules + QUIET_MODULES * 2)))
  const drawn = cell * (modules + QUIET_MODULES * 2)
  const left = Math.round(x + (size - drawn) / 2)
  const top = Math.round(y + (size - drawn) / 2)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(x, y, size, size)
  ctx.fillStyle = '#000000'
  for (let r = 0; r < modules; r++)
    for (let c = 0; c < modules; c++)
      if (qr.isDark(r, c))
        ctx.fillRect(left + (c + QUIET_MODULES) * cell, top + (r + QUIET_MODULES) * cell, cell, cell)
}

/**
 * Fills `text` from (x, y) wrapped to lines of at most `width` pixels (Chinese breaks between any two
 * characters, a run of letters and digits does not), at most `maxLines` lines, the last one ending in … when cut; answers the y below the last line.
 */
export function fillWrapped(
  ctx: Ctx2D,
  text: string,
  x: number,
  y: number,
  width: number,
  lineHeight: number,
  maxLines = 3,
): number {
  const lines: string[] = []
  let line = ''
  // A run of Latin letters and digits (a year, a phone number) stays on one line; Chinese breaks anywhere.
  for (const piece of text.match(/[A-Za-z0-9*.-]+|[^A-Za-z0-9*.-]/gu) ?? []) {
    if (ctx.measureText(line + piece).width > width && line) {
      lines.push(line)
      line = piece
    } else line += piece
  }
  if (line) lines.push(line)
  const shown = lines.slice(0, maxLines)
  if (lines.length > maxLines)
    shown[maxLines - 1] = `${Array.from(shown[maxLines - 1])
      .slice(0, -1)
      .join('')}…`
  shown.forEach((l, i) => ctx.fillText(l, x, y + i * lineHeight))
  return y + shown.length * lineHeight
}
