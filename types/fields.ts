/**
 * Schema pieces that many actions share, each with the Chinese message a person reads when it fails.
 */
import * as z from 'zod/mini'
import { PHONE_PATTERN } from './text'

/** Required text, trimmed, 1…max characters. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(1, { error: `请填写${label}` }),
      z.maxLength(max, { error: `${label}不能超过${max}个字` }),
    )

export const phoneSchema = z
  .string({ error: '请填写手机号' })
  .check(z.trim(), z.regex(PHONE_PATTERN, { error: '手机号应为11位数字，以1开头' }))

/** A document id or an openid chosen by the platform. */
export const idSchema = (label: string) =>
  z
    .string({ error: `缺少${label}` })
    .check(z.minLength(1, { error: `缺少${label}` }), z.maxLength(64, { error: `${label}不正确` }))

/** `cursor?` and `limit?` (1–20) of every paged list. */
export const pagingFields = {
  cursor: z.optional(
    z.string({ error: '翻页标记不正确' }).check(z.maxLength(200, { error: '翻页标记不正确' })),
  ),
  limit: z.optional(
    z
      .number({ error: '每页条数应为数字' })
      .check(
        z.int({ error: '每页条数应为整数' }),
        z.gte(1, { error: '每页至少1条' }),
        z.lte(20, { error: '每页最多20条' }),
      ),
  ),
}

/** An idempotency key chosen by the caller's device (8–64 letters, digits, - or _). */
export const idempotencyKeySchema = z
  .string({ error: '缺少操作编号' })
  .check(
    z.minLength(8, { error: '操作编号不正确' }),
    z.maxLength(64, { error: '操作编号不正确' }),
    z.regex(/^[\w-]+$/, { error: '操作编号不正确' }),
  )

/** An instant in epoch milliseconds between 2000 and 2100. */
export const epochMsSchema = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .check(
      z.int({ error: `${label}不正确` }),
      z.gte(946_684_800_000, { error: `${label}不正确` }),
      z.lte(4_102_444_800_000, { error: `${label}不正确` }),
    )
