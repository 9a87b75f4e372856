/**
 * Turning a schema's verdict into one sentence a person can act on. Schemas carry their own Chinese
 * messages; for the few checks that have none (an unknown field, a wrong type) a plain sentence is made.
 */
import type * as z from 'zod/mini'

const CJK = /[\u4e00-\u9fa5]/

export function firstIssueMessage(error: { issues: ReadonlyArray<z.core.$ZodIssue> }): string {
  const issue = error.issues[0]
  if (!issue) return '填写的内容有误，请检查后再试'
  if (issue.message && CJK.test(issue.message)) return issue.message
  const where = issue.path.length ? `「${issue.path.map(String).join('.')}」` : ''
  switch (issue.code) {
    case 'unrecognized_keys':
      return `包含不认识的内容：${issue.keys.join('、')}`
    case 'invalid_type':
      return `${where}的格式不对`
    case 'too_big':
      return `${where}太长或太大了`
    case 'too_small':
      return `${where}太短或太小了`
    default:
      return `${where}填写有误`
  }
}

/** Parses with a schema; answers the data, or the first problem as a sentence. */
export function check<T>(
  schema: {
    safeParse(
      value: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<z.core.$ZodIssue> } }
  },
  value: unknown,
): { ok: true; data: T } | { ok: false; message: string } {
  const result = schema.safeParse(value)
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, message: firstIssueMessage(result.error) }
}
