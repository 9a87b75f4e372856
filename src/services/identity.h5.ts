/**
 * The H5 build has no WeChat login, so a person picks one of the emulator's demo identities; its openid
 * travels as the `x-wx-openid` header of every call (see cloud.ts). Taro resolves this file instead of
 * identity.ts when it builds for H5.
 */
import Taro from '@tarojs/taro'
import { apiBase } from './api-base'
import { CloudError, NETWORK_MESSAGE } from './cloud-error'
import { IDENTITY_CHANGED, type DemoIdentity } from './demo-identity'

const STORAGE_KEY = 'xiaoshe:demo-identity'

function isDemoIdentity(value: unknown): value is DemoIdentity {
  const v = value as Partial<DemoIdentity> | null
  return typeof v?.openid === 'string' && v.openid.length > 0 && typeof v.name === 'string'
}

export function getDemoIdentity(): DemoIdentity | null {
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY)
    return isDemoIdentity(stored) ? stored : null
  } catch {
    return null
  }
}

export function getDemoOpenid(): string | null {
  return getDemoIdentity()?.openid ?? null
}

export function needsDemoIdentity(): boolean {
  return getDemoOpenid() === null
}

export function setDemoIdentity(identity: DemoIdentity): void {
  Taro.setStorageSync(STORAGE_KEY, identity)
  Taro.eventCenter.trigger(IDENTITY_CHANGED, identity)
}

/** The emulator's demo people: residents, volunteers, workers and shopkeepers. */
export async function listDemoIdentities(): Promise<DemoIdentity[]> {
  let items: unknown
  let statusCode: number
  try {
    const response = await Taro.request({
      url: `${apiBase()}/__emulator/identities`,
      method: 'GET',
      dataType: 'json',
    })
    items = (response.data as { items?: unknown } | null)?.items
    statusCode = response.statusCode
  } catch {
    throw new CloudError('internal', NETWORK_MESSAGE)
  }
  if (statusCode !== 200 || !Array.isArray(items)) throw new CloudError('internal')
  return items.filter(isDemoIdentity)
}

/**
 * What WeChat's phone-number button gives a page, for the demo person acted as: a one-time code for their
 * own number, from the emulator.
 */
export async function demoPhoneCode(): Promise<string> {
  const openid = getDemoOpenid()
  if (!openid) throw new CloudError('unauthenticated')
  let code: unknown
  let statusCode: number
  try {
    const response = await Taro.request({
      url: `${apiBase()}/__emulator/phone-code`,
      method: 'POST',
      data: { openid },
      header: { 'content-type': 'application/json' },
      dataType: 'json',
    })
    code = (response.data as { code?: unknown } | null)?.code
    statusCode = response.statusCode
  } catch {
    throw new CloudError('internal', NETWORK_MESSAGE)
  }
  if (statusCode !== 200 || typeof code !== 'string') {
    throw new CloudError('failed-precondition', '这位示范用户没有可验证的手机号')
  }
  return code
}
