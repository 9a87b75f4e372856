/**
 * The one place that talks to the cloud functions. On WeChat it uses `wx.cloud.callFunction`; on H5 (which has
 * no `wx.cloud`) it POSTs to the emulator's `/fn/<name>` with the chosen demo identity. Every failure — an
 * error envelope, an HTTP error, a lost network — becomes one `CloudError` with a Chinese message.
 */
import Taro from '@tarojs/taro'
import { DEFAULT_MESSAGES, isErrorCode, type Envelope, type ErrorCode } from '@shared/envelope'
import { apiBase } from './api-base'
import { CloudError, NETWORK_MESSAGE } from './cloud-error'
import { getDemoOpenid } from './identity'

export { CloudError, NETWORK_MESSAGE, toCloudError } from './cloud-error'

/** How long an H5 call may take before we tell the person the network is slow. */
const REQUEST_TIMEOUT_MS = 20000

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

function unwrap<T>(body: unknown, statusCode?: number): T {
  if (isEnvelope(body)) {
    if (body.ok) return body.data as T
    const code: ErrorCode = isErrorCode(body.code) ? body.code : 'internal'
    throw new CloudError(code, typeof body.message === 'string' ? body.message : undefined)
  }
  if (statusCode === 504) throw new CloudError('deadline-exceeded')
  throw new CloudError(
    'internal',
    statusCode && statusCode >= 400 ? DEFAULT_MESSAGES.internal : NETWORK_MESSAGE,
  )
}

async function callOnWeapp<T>(name: string, data: object): Promise<T> {
  let result: unknown
  try {
    const response = await Taro.cloud.callFunction({ name, data: data as TaroGeneral.IAnyObject })
    result = response.result
  } catch (error) {
    const errMsg = String((error as { errMsg?: string })?.errMsg ?? '')
    if (/time ?out|timed out|exceed/i.test(errMsg)) throw new CloudError('deadline-exceeded')
    throw new CloudError('internal', NETWORK_MESSAGE)
  }
  return unwrap<T>(result)
}

async function callOverHttp<T>(name: string, data: object): Promise<T> {
  const header: Record<string, string> = { 'content-type': 'application/json' }
  const openid = getDemoOpenid()
  if (openid) header['x-wx-openid'] = openid
  let body: unknown
  let statusCode: number
  try {
    const response = await Taro.request({
      url: `${apiBase()}/fn/${encodeURIComponent(name)}`,
      method: 'POST',
      data,
      header,
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    })
    body = response.data
    statusCode = response.statusCode
  } catch {
    throw new CloudError('internal', NETWORK_MESSAGE)
  }
  return unwrap<T>(body, statusCode)
}

/** Calls cloud function `name` with `data` (which carries `action`) and answers the envelope's `data`. */
export function callFunction<T>(name: string, data: object): Promise<T> {
  if (process.env.TARO_ENV === 'weapp') return callOnWeapp<T>(name, data)
  return callOverHttp<T>(name, data)
}
