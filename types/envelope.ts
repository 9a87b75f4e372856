/**
 * The result envelope every cloud function answers with, and the error codes of the contract (API.md).
 */
export const ERROR_CODES = [
  'invalid-argument',
  'unauthenticated',
  'permission-denied',
  'not-found',
  'failed-precondition',
  'already-exists',
  'resource-exhausted',
  'content-rejected',
  'deadline-exceeded',
  'internal',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface Ok<T> {
  ok: true
  data: T
}

export interface Fail {
  ok: false
  code: ErrorCode
  /** A sentence in Chinese, written for the person using the app. */
  message: string
}

export type Envelope<T> = Ok<T> | Fail

/** What a person reads when an answer carries no message of its own. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  'invalid-argument': '填写的内容有误，请检查后再试',
  unauthenticated: '请先登录微信后再使用',
  'permission-denied': '您没有权限进行这个操作',
  'not-found': '没有找到相关内容，可能已被删除',
  'failed-precondition': '当前状态下不能进行这个操作',
  'already-exists': '这件事已经办过了，不用重复操作',
  'resource-exhausted': '名额或库存已经没有了',
  'content-rejected': '内容含有不合适的文字，请修改后再提交',
  'deadline-exceeded': '服务器响应太慢，请稍后再试',
  internal: '系统出了点问题，请稍后再试',
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

/** One page of a paged list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}
