import { DEFAULT_MESSAGES, type ErrorCode } from '@shared/envelope'

export const NETWORK_MESSAGE = '网络不太好，请检查网络后再试'

/** The one error the pages see: a contract code and a sentence in Chinese to show as it is. */
export class CloudError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message?: string) {
    super(message || DEFAULT_MESSAGES[code])
    this.name = 'CloudError'
    this.code = code
  }
}

/** Turns anything thrown into a CloudError, so pages only ever show `error.message`. */
export function toCloudError(error: unknown): CloudError {
  if (error instanceof CloudError) return error
  return new CloudError('internal', NETWORK_MESSAGE)
}
