/** The 志愿服务证明 as a picture: what it says, laid out on a 750 × 1100 canvas. */
import type { Certificate } from '@shared/certificate'
import { hoursText, SERVICE_KIND_LABELS, SERVICE_KINDS } from '@shared/service'
import { shanghaiDay } from '@shared/time'
import type { Drawing } from '@/components/canvas-image'
import { drawQr, fillWrapped, font } from '@/components/canvas-image/draw'
import { STATION_NAME, verifyLink } from './link'

export const CERT_WIDTH = 750
export const CERT_HEIGHT = 1100

const RED = '#b5361d'
const INK = '#1f1f1f'
const GREY = '#555555'

/** 2026-03-04 → 2026年3月4日 */
export function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

export function certificateDrawing(cert: Certificate): Drawing {
  return {
    width: CERT_WIDTH,
    height: CERT_HEIGHT,
    draw: (ctx) => {
      const W = CERT_WIDTH
      ctx.fillStyle = '#fffdf8'
      ctx.fillRect(0, 0, W, CERT_HEIGHT)
      ctx.strokeStyle = RED
      ctx.lineWidth = 6
      ctx.strokeRect(24, 24, W - 48, CERT_HEIGHT - 48)
      ctx.lineWidth = 2
      ctx.strokeRect(38, 38, W - 76, CERT_HEIGHT - 76)

      ctx.textBaseline = 'top'
      ctx.textAlign = 'center'
      ctx.fillStyle = RED
      ctx.font = font(56, true)
      ctx.fillText('志愿服务证明', W / 2, 90)
      ctx.fillStyle = GREY
      ctx.font = font(26)
      ctx.fillText(`编号：${cert.serial}`, W / 2, 170)

      ctx.textAlign = 'left'
      ctx.fillStyle = INK
      ctx.font = font(32)
      const period = `${dayText(cert.period.from)}至${dayText(cert.period.to)}`
      let y = fillWrapped(
        ctx,
        `兹证明 ${cert.realName}（手机 ${cert.phoneMasked || '未填写'}）于${period}在${STATION_NAME}参加志愿服务，经确认的服务时长共计 ${hoursText(cert.total)} 小时。`,
        80,
        240,
        W - 160,
        52,
        6,
      )

      y += 30
      ctx.font = font(30, true)
      ctx.fillText('服务时长明细', 80, y)
      y += 56
      ctx.font = font(30)
      for (const kind of SERVICE_KINDS) {
        ctx.fillStyle = INK
        ctx.fillText(SERVICE_KIND_LABELS[kind], 100, y)
        ctx.textAlign = 'right'
        ctx.fillText(`${hoursText(cert.minutes[kind])} 小时`, W - 100, y)
        ctx.textAlign = 'left'
        y += 50
      }
      ctx.fillStyle = '#e3ded6'
      ctx.fillRect(80, y, W - 160, 2)
      y += 20
      ctx.fillStyle = INK
      ctx.font = font(30, true)
      ctx.fillText('合计', 100, y)
      ctx.textAlign = 'right'
      ctx.fillText(`${hoursText(cert.total)} 小时`, W - 100, y)
      ctx.textAlign = 'left'

      // The QR code at the bottom left; who issued it and when at the right.
      const qrSize = 260
      const qrTop = CERT_HEIGHT - 90 - qrSize
      drawQr(ctx, verifyLink(cert.serial), 70, qrTop, qrSize)
      ctx.fillStyle = GREY
      ctx.font = font(24)
      ctx.textAlign = 'center'
      ctx.fillText('扫码核验真伪', 70 + qrSize / 2, qrTop + qrSize + 8)
      const right = 70 + qrSize + 40
      ctx.textAlign = 'left'
      ctx.fillStyle = GREY
      ctx.font = font(26)
      ctx.fillText('出具单位', right, qrTop + 30)
      ctx.fillStyle = INK
      ctx.font = font(30)
      const below = fillWrapped(ctx, STATION_NAME, right, qrTop + 70, W - 80 - right, 42, 2)
      ctx.fillStyle = GREY
      ctx.font = font(26)
      ctx.fillText('开具日期', right, below + 24)
      ctx.fillStyle = INK
      ctx.font = font(30)
      ctx.fillText(dayText(shanghaiDay(cert.issuedAt)), right, below + 64)

      if (cert.status === 'revoked') {
        ctx.textAlign = 'center'
        ctx.fillStyle = 'rgba(198, 40, 40, 0.85)'
        ctx.font = font(96, true)
        ctx.fillText('已作废', W / 2, 560)
      }
    },
  }
}
