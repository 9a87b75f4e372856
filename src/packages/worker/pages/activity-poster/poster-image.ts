/**
 * An activity's poster as a picture: a cover (the activity's, its project's or its corner's, else one drawn
 * here), the title, time and place, and the mini-program code.
 */
import type { Activity } from '@shared/activities'
import { formatShanghai } from '@shared/time'
import type { Drawing } from '@/components/canvas-image'
import { type Ctx2D, fillWrapped, font } from '@/components/canvas-image/draw'

export const POSTER_WIDTH = 750
export const POSTER_HEIGHT = 1200

const BRAND = '#d9482b'
const INK = '#1f1f1f'
const GREY = '#555555'

/** When, as a poster that stays on a wall says it: 3月7日 周六 09:00-11:00 (Beijing time). */
export function posterTime(a: Pick<Activity, 'startAt' | 'endAt'>): string {
  const weekday = '日一二三四五六'[new Date(a.startAt + 8 * 3_600_000).getUTCDay()]
  const start = formatShanghai(a.startAt, 'M月D日')
  const end = formatShanghai(a.endAt - 1, 'M月D日')
  const clock = `${formatShanghai(a.startAt, 'HH:mm')}-${formatShanghai(a.endAt, 'HH:mm')}`
  return start === end
    ? `${start} 周${weekday} ${clock}`
    : `${start} ${formatShanghai(a.startAt, 'HH:mm')} 至 ${end} ${formatShanghai(a.endAt, 'HH:mm')}`
}

/** The poster's top band, where the cover goes. */
export const COVER_HEIGHT = 460

/** The part of a `width` × `height` picture that fills the band without stretching (its middle). */
export function coverCrop(width: number, height: number): { sx: number; sy: number; sw: number; sh: number } {
  const band = POSTER_WIDTH / COVER_HEIGHT
  if (width / height > band) {
    const sw = height * band
    return { sx: (width - sw) / 2, sy: 0, sw, sh: height }
  }
  const sh = width / band
  return { sx: 0, sy: (height - sh) / 2, sw: width, sh }
}

/** The cover drawn here when the activity, its project and its corner have none: warm bands and circles. */
function drawnCover(ctx: Ctx2D): void {
  ctx.fillStyle = BRAND
  ctx.fillRect(0, 0, POSTER_WIDTH, COVER_HEIGHT)
  ctx.fillStyle = '#e86b50'
  for (let i = 0; i < 7; i++) ctx.fillRect(0, 300 + i * 24, POSTER_WIDTH, 12)
  ctx.fillStyle = 'rgba(255, 255, 255, 0.16)'
  for (const [x, y, r] of [
    [620, 90, 70],
    [110, 160, 46],
    [520, 260, 30],
    [300, 70, 22],
  ]) {
    ctx.beginPath()
    ctx.arc(x, y, r, 0, Math.PI * 2)
    ctx.fill()
  }
}

/** A picture's own size, as both WeChat's canvas images and the browser's report it. */
function sizeOf(image: CanvasImageSource): { width: number; height: number } {
  const { width, height } = image as { width: number; height: number }
  return { width: Number(width) || 0, height: Number(height) || 0 }
}

/**
 * `code` is the mini-program code's image (a data URL); `cover` the picture for the top (activities.posterCode's
 * `coverUrl`: the activity's, its project's or its corner's cover), or null, and when it cannot be loaded the
 * poster draws its own; `station` signs the poster.
 */
export function posterDrawing(
  activity: Activity,
  code: string,
  station: string,
  cover: string | null = null,
): Drawing {
  return {
    width: POSTER_WIDTH,
    height: POSTER_HEIGHT,
    images: cover ? [code, cover] : [code],
    draw: (ctx, [codeImage, coverImage]) => {
      const W = POSTER_WIDTH
      ctx.fillStyle = '#fffaf5'
      ctx.fillRect(0, 0, W, POSTER_HEIGHT)

      const { width, height } = coverImage ? sizeOf(coverImage) : { width: 0, height: 0 }
      if (coverImage && width > 0 && height > 0) {
        const { sx, sy, sw, sh } = coverCrop(width, height)
        ctx.drawImage(coverImage, sx, sy, sw, sh, 0, 0, W, COVER_HEIGHT)
        // A dark veil, so that the white words stay readable on any picture.
        ctx.fillStyle = 'rgba(0, 0, 0, 0.42)'
        ctx.fillRect(0, 0, W, COVER_HEIGHT)
      } else drawnCover(ctx)
      ctx.textBaseline = 'top'
      ctx.textAlign = 'left'
      ctx.fillStyle = '#ffffff'
      ctx.font = font(32)
      ctx.fillText('邻里公益 · 一起来', 60, 70)
      ctx.font = font(60, true)
      fillWrapped(ctx, activity.title, 60, 150, W - 120, 80, 3)

      ctx.fillStyle = GREY
      ctx.font = font(28)
      ctx.fillText('时间', 60, 510)
      ctx.fillStyle = INK
      ctx.font = font(36, true)
      ctx.fillText(posterTime(activity), 60, 552)
      ctx.fillStyle = GREY
      ctx.font = font(28)
      ctx.fillText('地点', 60, 630)
      ctx.fillStyle = INK
      ctx.font = font(34)
      fillWrapped(ctx, activity.location, 60, 672, W - 120, 48, 2)
      ctx.fillStyle = GREY
      ctx.font = font(28)
      ctx.fillText(`名额 ${activity.capacity} 人 · 每服务 1 小时得 ${activity.pointsPerHour} 积分`, 60, 790)

      const size = 280
      const top = POSTER_HEIGHT - size - 70
      ctx.fillStyle = '#ffffff'
      ctx.fillRect(60, top, size, size)
      if (codeImage) ctx.drawImage(codeImage, 60, top, size, size)
      ctx.fillStyle = INK
      ctx.font = font(36, true)
      ctx.fillText('微信扫一扫', 380, top + 70)
      ctx.fillText('看详情、报名', 380, top + 120)
      ctx.fillStyle = GREY
      ctx.font = font(26)
      fillWrapped(ctx, station, 380, top + 200, W - 440, 36, 2)
    },
  }
}
