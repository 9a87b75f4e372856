/**
 * One-time redemption codes: `XS1.<orderId>.<nonce>.<expiresAt base36>.<signature>`, signed with the
 * function's MALL_CODE_SECRET (HMAC-SHA256), so a code cannot be made up or altered; the nonce ties it to
 * the order's current code, so a newer code replaces older ones; it expires after one minute.
 */
import crypto from 'node:crypto'
import { AppError, invalid } from '../../../server/errors'

export interface CodeClaims {
  orderId: string
  nonce: string
  expiresAt: number
}

function secret(): string {
  const value = process.env.MALL_CODE_SECRET
  if (!value) throw new AppError('internal', '兑换功能暂时不可用，请联系社工站')
  return value
}

function sign(payload: string): string {
  return crypto.createHmac('sha256', secret()).update(payload).digest('base64url').slice(0, 27)
}

export function newNonce(): string {
  return crypto.randomBytes(9).toString('base64url')
}

export function encodeCode(claims: CodeClaims): string {
  const payload = `XS1.${claims.orderId}.${claims.nonce}.${claims.expiresAt.toString(36)}`
  return `${payload}.${sign(payload)}`
}

/** The claims of a genuine code; anything unreadable or forged is invalid-argument. */
export function decodeCode(code: string): CodeClaims {
  const parts = code.trim().split('.')
  const unreadable = () => invalid('这个兑换码不正确，请让顾客刷新后再扫')
  if (parts.length !== 5 || parts[0] !== 'XS1') throw unreadable()
  const [version, orderId, nonce, exp36, signature] = parts
  const expected = Buffer.from(sign(`${version}.${orderId}.${nonce}.${exp36}`))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw unreadable()
  const expiresAt = parseInt(exp36, 36)
  if (!Number.isFinite(expiresAt)) throw unreadable()
  return { orderId, nonce, expiresAt }
}
