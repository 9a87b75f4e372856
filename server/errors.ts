/**
 * The one error type of the functions: an envelope code and a sentence in Chinese. Anything else that is
 * thrown is a defect; the handler lets it surface as the platform's crash answer.
 */
import { DEFAULT_MESSAGES, type ErrorCode, type Fail } from '../types/envelope'

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = DEFAULT_MESSAGES[code],
  ) {
    super(message)
  }

  toEnvelope(): Fail {
    return { ok: false, code: this.code, message: this.message }
  }
}

export const invalid = (message?: string) => new AppError('invalid-argument', message)
export const denied = (message?: string) => new AppError('permission-denied', message)
export const notFound = (message?: string) => new AppError('not-found', message)
/** A need that does not exist, or that the caller may not know of: both answer the same. */
export const needNotFound = () => notFound('没有找到这个需求，可能已被删除')
export const precondition = (message?: string) => new AppError('failed-precondition', message)
export const exists = (message?: string) => new AppError('already-exists', message)
export const exhausted = (message?: string) => new AppError('resource-exhausted', message)
