/**
 * 志愿服务证明: a person's confirmed service records by year, and certificates of the confirmed hours in a period
 * that anyone can check by their serial number (API.md `certificate`).
 */
import * as z from 'zod/mini'
import { idSchema, pagingFields, text } from './fields'
import type { ServiceKind } from './service'

/** XS-<year>-<8 random digits>-<check digit>. */
export const SERIAL_PATTERN = /^XS-(\d{4})-(\d{8})-(\d)$/

/** The check digit of a serial's year and digits (weights 3 and 1 in turn, as in an EAN code). */
export function serialCheck(year: string, digits: string): string {
  let sum = 0
  Array.from(year + digits).forEach((d, i) => {
    sum += Number(d) * (i % 2 === 0 ? 3 : 1)
  })
  return String((10 - (sum % 10)) % 10)
}

/** Whether text is a serial this station could have issued (format and check digit). */
export function isSerial(text: string): boolean {
  const m = SERIAL_PATTERN.exec(text)
  return m !== null && serialCheck(m[1], m[2]) === m[3]
}

const dayField = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}应为“年-月-日”` }))

export const recordsInput = z.object({
  year: z
    .number({ error: '请选择年份' })
    .check(
      z.int({ error: '年份不正确' }),
      z.gte(2000, { error: '年份不正确' }),
      z.lte(2100, { error: '年份不正确' }),
    ),
  ...pagingFields,
})
export type RecordsInput = z.infer<typeof recordsInput>

export const issueInput = z.object({
  period: z.object({ from: dayField('开始日期'), to: dayField('结束日期') }),
})
export type IssueInput = z.infer<typeof issueInput>

const serialField = z
  .string({ error: '请填写证明编号' })
  .check(z.trim(), z.minLength(1, { error: '请填写证明编号' }), z.maxLength(40, { error: '证明编号不正确' }))

export const verifyInput = z.object({ serial: serialField })
export const revokeInput = z.object({ serial: serialField, reason: text('作废原因', 100) })
export const mineInput = z.object({ ...pagingFields })
export const certificateIdSchema = idSchema('证明编号')

/** One confirmed service as its volunteer sees it: never a resident's address, for a need not even its title. */
export interface ServiceRecord {
  id: string
  kind: ServiceKind
  title: string
  /** An activity's place, a need's category, 入户走访 for a home visit. */
  where: string
  /** When the service was confirmed. */
  at: number
  minutes: number
  /** Who confirmed it (a display name). */
  confirmedBy: string
}

export interface Period {
  from: string
  to: string
}

export type CertificateStatus = 'valid' | 'revoked'

/** A certificate as its holder (or a worker) sees it. */
export interface Certificate {
  serial: string
  realName: string
  phoneMasked: string
  period: Period
  minutes: Record<ServiceKind, number>
  total: number
  issuedAt: number
  status: CertificateStatus
  revokedAt: number | null
  revokeReason: string
}

/** `certificates/<serial>`. */
export interface CertificateRecord extends Certificate {
  _id: string
  openid: string
  revokedBy: string | null
}

/** What anyone learns from a serial: nothing but these. */
export interface CertificateCheck {
  serial: string
  status: CertificateStatus
  nameMasked: string
  period: Period
  minutes: Record<ServiceKind, number>
  total: number
}
