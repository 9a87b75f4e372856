/** What a certificate's QR code carries, and reading a serial back out of whatever a scanner answers. */
import { ROUTES } from '@/routes'

const SERIAL_IN_TEXT = /XS-\d{4}-\d{8}-\d/i

/** The text of a certificate's QR code: a link to the verify page with the serial, or the serial alone. */
export function verifyLink(serial: string): string {
  const configured = (process.env.TARO_APP_VERIFY_URL || '').trim()
  if (configured) return `${configured}${configured.includes('?') ? '&' : '?'}serial=${serial}`
  if (process.env.TARO_ENV === 'h5' && typeof location !== 'undefined')
    return `${location.origin}${location.pathname}#${ROUTES.certificateVerify}?serial=${serial}`
  return serial
}

/** The serial in a scanned or typed text (a link, WeChat's encoded `q`, the serial itself), upper-cased. */
export function serialIn(text: string | undefined | null): string | null {
  if (!text) return null
  let decoded = text
  try {
    decoded = decodeURIComponent(text)
  } catch {
    // Not encoded: read it as it is.
  }
  const m = SERIAL_IN_TEXT.exec(decoded)
  return m ? m[0].toUpperCase() : null
}

/** The station's name as the certificate names it. */
export const STATION_NAME = process.env.TARO_APP_STATION_NAME || '社会工作服务站'
