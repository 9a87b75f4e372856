/**
 * `cloud.openapi.*` as the emulator answers it. wx-server-sdk sends a multipart POST (action `wx.openApi`,
 * `apiName`, and `requestData`: a protobuf CommApiData whose pairs hold the arguments as JSON) and expects
 * a protobuf CommOpenApiResp whose respData is WeChat's JSON answer.
 *
 * - `security.msgSecCheck` (v1 and v2) refuses text that contains a word of RISKY_WORDS;
 * - `subscribeMessage.send` records the message in the outbox (GET /__emulator/outbox) and succeeds;
 * - `phonenumber.getPhoneNumber` answers a code from POST /__emulator/phone-code, once;
 * - `security.imgSecCheck` refuses the documented test picture (IMAGE_RISK_MARKER in its bytes) and records
 *   every check in the outbox;
 * - `wxacode.getUnlimited` answers a scannable PNG QR code of the page and the scene (qr.ts);
 * - any other API answers an error that says the emulator does not provide it, and so does any other
 *   multipart action (cloudPay's `wx.wxPayApi`, `wx.getOpenData`, …).
 */
import { createRequire } from 'node:module'
import { foldText } from '../types/text'
import { sniffImage } from '../types/images'
import { UNSUPPORTED } from './engine'
import { qrPng, wxacodeText } from './qr'
import type { Store } from './store'

const requireFromHere = createRequire(__filename)

/** Words the content check treats as risky (gambling, drugs, weapons, fraud, fake documents). */
export const RISKY_WORDS = [
  '赌博',
  '博彩',
  '毒品',
  '冰毒',
  '枪支',
  '代开发票',
  '办假证',
  '诈骗',
  '传销',
  '色情',
  '裸聊',
]

interface ProtoType {
  decode(buf: Uint8Array): Record<string, unknown>
  encode(obj: Record<string, unknown>): { finish(): Uint8Array }
}

function protoRoot(): Record<string, ProtoType> {
  // wx-server-sdk registers its message types on protobufjs's default root when it loads.
  requireFromHere('wx-server-sdk')
  const protobuf = requireFromHere('protobufjs/minimal') as {
    roots: Record<string, Record<string, ProtoType>>
  }
  return protobuf.roots.default
}

/** Splits a multipart/form-data body into its named parts. */
export function parseMultipart(body: Buffer, contentType: string): Map<string, Buffer> {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  const parts = new Map<string, Buffer>()
  if (!match) return parts
  const boundary = Buffer.from(`--${match[1] ?? match[2]}`)
  let start = body.indexOf(boundary)
  while (start !== -1) {
    const headerStart = start + boundary.length + 2
    const next = body.indexOf(boundary, headerStart)
    if (next === -1) break
    const headerEnd = body.indexOf('\r\n\r\n', headerStart)
    if (headerEnd !== -1 && headerEnd < next) {
      const headers = body.subarray(headerStart, headerEnd).toString('utf8')
      const name = /name="([^"]+)"/i.exec(headers)?.[1]
      if (name) parts.set(name, body.subarray(headerEnd + 4, next - 2))
    }
    start = next
  }
  return parts
}

/** A file argument (`media` of imgSecCheck): the SDK sends its bytes as they are, with its type. */
export interface MediaArgument {
  contentType: string
  value: Buffer
}

function decodeArguments(requestData: Buffer): Record<string, unknown> {
  const root = protoRoot()
  const message = root.CommApiData.decode(requestData) as {
    openapiData?: {
      pairs?: Array<{ key: string; value: Uint8Array; contenttype?: string; filename?: string }>
    }
  }
  const args: Record<string, unknown> = {}
  for (const pair of message.openapiData?.pairs ?? []) {
    // A file comes with its file name (`media.png`); its type field stays empty, as the SDK names it
    // `contentType` where its protobuf message has `contenttype`.
    if (pair.filename) {
      const contentType = pair.contenttype || `image/${pair.filename.split('.').pop()}`
      args[pair.key] = { contentType, value: Buffer.from(pair.value) } as MediaArgument
      continue
    }
    const text = Buffer.from(pair.value).toString('utf8')
    try {
      args[pair.key] = JSON.parse(text)
    } catch {
      args[pair.key] = text
    }
  }
  return args
}

function encodeAnswer(json: unknown): Buffer {
  return encodeBytes(Buffer.from(JSON.stringify(json)), 'application/json')
}

/** A binary answer (an image): the SDK returns it as `{contentType, buffer}`. */
function encodeBytes(respData: Buffer, contentType: string): Buffer {
  const root = protoRoot()
  const bytes = root.CommOpenApiResp.encode({
    respData,
    contentType,
    errorCode: 0,
    httpCode: 200,
  }).finish()
  return Buffer.from(bytes)
}

/** The first risky word in `text`, read as WeChat would: invisible characters out, look-alikes folded. */
export function riskyWordIn(text: string): string | null {
  const folded = foldText(text)
  return RISKY_WORDS.find((w) => folded.includes(w)) ?? null
}

function msgSecCheck(args: Record<string, unknown>): Record<string, unknown> {
  const content = typeof args.content === 'string' ? args.content : ''
  const word = riskyWordIn(content)
  const version = Number(args.version ?? 1)
  if (version === 2) {
    const suggest = word ? 'risky' : 'pass'
    const label = word ? 20001 : 100
    return {
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
      detail: [{ strategy: 'keyword', errcode: 0, suggest, label, ...(word ? { keyword: word } : {}) }],
      trace_id: `local-${Date.now()}`,
    }
  }
  return word ? { errcode: 87014, errmsg: 'risky content' } : { errcode: 0, errmsg: 'ok' }
}

function subscribeMessageSend(store: Store, args: Record<string, unknown>): Record<string, unknown> {
  const templateId = args.template_id ?? args.templateId
  if (typeof args.touser !== 'string' || !args.touser || typeof templateId !== 'string' || !templateId) {
    return { errcode: 47003, errmsg: 'argument invalid! touser and template_id are required' }
  }
  store.appendOutbox(Date.now(), 'subscribeMessage.send', {
    touser: args.touser,
    templateId,
    page: args.page ?? null,
    data: args.data ?? {},
    miniprogramState: args.miniprogram_state ?? args.miniprogramState ?? null,
  })
  return { errcode: 0, errmsg: 'ok' }
}

/**
 * The documented test picture: any image whose bytes contain this ASCII text (for example a PNG with a tEXt
 * chunk `Comment` = `xiaoshe:risky-image`) is what the image check flags; every other image passes.
 */
export const IMAGE_RISK_MARKER = 'xiaoshe:risky-image'

/**
 * `security.imgSecCheck`: `media` must be an image (JPEG, PNG, WebP, GIF by its bytes, at most 10 MB as
 * WeChat allows); the test picture answers 87014 "risky content", others ok. Every check is recorded in the
 * outbox with its verdict.
 */
function imgSecCheck(store: Store, args: Record<string, unknown>): Record<string, unknown> {
  const media = args.media as MediaArgument | undefined
  const bytes = media && Buffer.isBuffer(media.value) ? media.value : null
  if (!bytes || !sniffImage(bytes)) return { errcode: 40004, errmsg: 'invalid media type' }
  if (bytes.length > 10 * 1024 * 1024) return { errcode: 40006, errmsg: 'invalid meida size' }
  const risky = bytes.includes(IMAGE_RISK_MARKER, 0, 'latin1')
  store.appendOutbox(Date.now(), 'security.imgSecCheck', {
    contentType: media!.contentType,
    bytes: bytes.length,
    verdict: risky ? 'risky' : 'pass',
  })
  return risky ? { errcode: 87014, errmsg: 'risky content' } : { errcode: 0, errmsg: 'ok' }
}

/**
 * `wxacode.getUnlimited`: `scene` is required (1–32 visible characters, as WeChat says); the answer is a PNG
 * QR code of wxacodeText(scene, page), `width` pixels wide (280–1280, default 430). Recorded in the outbox.
 */
function getUnlimited(store: Store, args: Record<string, unknown>): Buffer {
  const scene = typeof args.scene === 'string' ? args.scene : ''
  if (!scene || scene.length > 32 || !/^[\x21-\x7e]+$/.test(scene)) {
    return encodeAnswer({
      errcode: 40169,
      errmsg: 'invalid length for scene, or the data is not json string',
    })
  }
  const page = typeof args.page === 'string' ? args.page : undefined
  const width = Math.min(1280, Math.max(280, Number(args.width) || 430))
  store.appendOutbox(Date.now(), 'wxacode.getUnlimited', { scene, page: page ?? null, width })
  return encodeBytes(qrPng(wxacodeText(scene, page), width), 'image/png')
}

/** Where a phone-number code issued by POST /__emulator/phone-code is kept until it is used. */
export const phoneCodeKey = (code: string) => `phoneCode:${code}`

/**
 * `phonenumber.getPhoneNumber`: a code issued by the emulator (as the phone-number button gives one) is
 * answered once with the number it was issued for; any other code, or the same one again, is invalid.
 */
function getPhoneNumber(store: Store, args: Record<string, unknown>): Record<string, unknown> {
  const code = typeof args.code === 'string' ? args.code : ''
  const phone = code ? store.getMeta(phoneCodeKey(code)) : null
  if (!phone) return { errcode: 40029, errmsg: 'invalid code' }
  store.setMeta(phoneCodeKey(code), '')
  return {
    errcode: 0,
    errmsg: 'ok',
    phone_info: {
      phoneNumber: phone,
      purePhoneNumber: phone,
      countryCode: '86',
      watermark: { timestamp: Math.floor(Date.now() / 1000), appid: 'wx-local-emulator' },
    },
  }
}

/**
 * Answers one multipart request: a `wx.openApi` call of a WeChat API (`security.msgSecCheck`, …) with the
 * protobuf body wx-server-sdk decodes; any other action (`wx.wxPayApi` for cloudPay) or internal API
 * (`ApiGetOpenDataByCloudId` for getOpenData) with a JSON error that names it.
 */
export function handleOpenApi(
  store: Store,
  body: Buffer,
  contentType: string,
): { contentType: string; body: Buffer } {
  const parts = parseMultipart(body, contentType)
  const action = parts.get('action')?.toString('utf8') ?? ''
  const apiName = parts.get('apiName')?.toString('utf8') ?? ''
  if (action !== 'wx.openApi' || !apiName.includes('.')) {
    const what = apiName ? `${action} (${apiName})` : action || 'a request without an action'
    const answer = { code: UNSUPPORTED, message: `${what} is not supported by the local emulator` }
    return { contentType: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify(answer)) }
  }
  return { contentType: 'application/octet-stream', body: openApi(store, apiName, parts.get('requestData')) }
}

function openApi(store: Store, apiName: string, requestData: Buffer | undefined): Buffer {
  const args = requestData ? decodeArguments(requestData) : {}
  switch (apiName) {
    case 'security.msgSecCheck':
      return encodeAnswer(msgSecCheck(args))
    case 'subscribeMessage.send':
      return encodeAnswer(subscribeMessageSend(store, args))
    case 'phonenumber.getPhoneNumber':
      return encodeAnswer(getPhoneNumber(store, args))
    case 'security.imgSecCheck':
      return encodeAnswer(imgSecCheck(store, args))
    case 'wxacode.getUnlimited':
      return getUnlimited(store, args)
    default:
      return encodeAnswer({ errcode: 40066, errmsg: `${apiName} is not provided by the local emulator` })
  }
}
