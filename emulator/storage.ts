/**
 * CloudBase cloud storage, as wx-server-sdk and the app's H5 build use it.
 *
 * - Functions (wx-server-sdk, the admin): `storage.getUploadMetadata` answers an upload URL and a signed
 *   authorization; the SDK then PUTs the bytes there (4.x) or POSTs them as a form with `Signature` (2.6). Errors
 *   of the upload are COS's XML (`<Error><Code>…`), which the SDK raises as -503001 with `[Code]: message`.
 *   `storage.batchGetDownloadUrl` answers temporary URLs, `storage.batchDeleteFile` deletes; a file that does not
 *   exist is `STORAGE_FILE_NONEXIST` (-503003) in its row of the answer. A request naming more than 50 files
 *   (CloudBase's limit per request) answers `INVALID_PARAM` and does nothing.
 * - The app (H5 in place of wx.cloud): POST /cloud/storage/upload (multipart: `cloudPath`, `file`),
 *   /cloud/storage/temp-url `{fileList, maxAge?}` and /cloud/storage/delete `{fileList}`, the caller in
 *   `x-wx-openid`, answered as wx.cloud answers (`{fileID}`, `{fileList: [{fileID, tempFileURL, status, errMsg}]}`);
 *   more than 50 files in one request is refused (400, -501007) and does nothing.
 * - GET /storage/<bucket>/<path>?t=<expiry s>&sign=<sig> serves a file while its temporary URL is valid on the
 *   emulated clock; a deleted or replaced file's old URLs stop working.
 *
 * Rules (emulator/README.md, "Storage rules"): the app uploads only under `user/<openid>/`, only pictures
 * (JPEG, PNG, WebP, GIF by their bytes) of at most 2 MiB; it reads only files it uploaded itself and files under
 * `public/`, and deletes only its own; anything else answers as a missing file. Functions may do anything, with
 * at most 10 MiB a file, and a path that ends in a picture's extension must hold such a picture of at most 2 MiB.
 *
 * Durability: the bytes go to DATA_DIR/storage/ (a temporary file, fsync, rename, fsync of the folder) before
 * the file's record is written to the SQLite store; only then is the upload acknowledged. Blobs no record names
 * (an upload cut off by kill -9, a replaced file) are removed when the emulator starts.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import {
  IMAGE_CONTENT_TYPES,
  imageKindOfName,
  imageProblem,
  MAX_IMAGE_BYTES,
  sniffImage,
} from '../types/images'
import * as clock from './clock'
import { parseMultipart } from './openapi'
import type { Store } from './store'

export const STORAGE_ENV = 'local'
/** The bucket of the `local` environment, named as CloudBase names them (hex of the env's start, env, app). */
export const BUCKET = '6c6f-local-1300000000'
const FILE_ID_PREFIX = `cloud://${STORAGE_ENV}.${BUCKET}/`

/** What a function may upload in one file. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024
/** A temporary URL's life when the caller names none, and the longest it may ask for (seconds). */
export const DEFAULT_MAX_AGE_S = 86_400
/** How long an upload URL from getUploadMetadata stays valid (seconds). */
const UPLOAD_URL_AGE_S = 900

/** The storage actions of wx-server-sdk the emulator answers (compatibility table). */
export const STORAGE_ACTIONS = [
  'storage.getUploadMetadata',
  'storage.batchGetDownloadUrl',
  'storage.batchDeleteFile',
] as const

export const fileIdOf = (filePath: string) => `${FILE_ID_PREFIX}${filePath}`

/** The path inside the bucket of a valid path, or null: 1–512 characters, no empty, `.` or `..` segment. */
export function validPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) return null
  if (/[\\?#]/.test(value) || [...value].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f')) return null
  const segments = value.split('/')
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null
  return value
}

/** The path a file ID of this environment names, or null. */
export function pathOfFileId(fileId: unknown): string | null {
  if (typeof fileId !== 'string' || !fileId.startsWith(FILE_ID_PREFIX)) return null
  return validPath(fileId.slice(FILE_ID_PREFIX.length))
}

/** A refused upload: COS's error code and a message that says why in Chinese and English. */
export class UploadRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message)
  }
}

const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/')

export class CloudStorage {
  private readonly dir: string

  constructor(
    private readonly store: Store,
    dataDir: string,
    private readonly secret: string,
    private readonly baseUrl: () => string,
  ) {
    this.dir = path.join(dataDir, 'storage')
    fs.mkdirSync(this.dir, { recursive: true })
    this.sweep()
  }

  /** Removes blobs that no file record names: uploads cut off before their record, replaced files. */
  sweep(): void {
    const kept = this.store.fileBlobs()
    for (const name of fs.readdirSync(this.dir)) {
      if (!kept.has(name)) fs.rmSync(path.join(this.dir, name), { force: true })
    }
  }

  /**
   * Stores `bytes` at `filePath` for `owner` (an openid, or '' for a function), durably, and answers its file
   * ID; refuses what the rules do not allow.
   */
  put(filePath: string, bytes: Buffer, owner: string): string {
    const kind = sniffImage(bytes)
    const promised = imageKindOfName(filePath)
    if (owner || promised) {
      const problem = imageProblem(bytes)
      if (problem) {
        const tooLarge = bytes.length > MAX_IMAGE_BYTES && kind
        throw new UploadRefused(
          tooLarge ? 'EntityTooLarge' : 'InvalidContent',
          tooLarge
            ? `${problem} (an image may be at most ${MAX_IMAGE_BYTES} bytes)`
            : `${problem} (only JPEG, PNG, WebP or GIF images are accepted)`,
        )
      }
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new UploadRefused('EntityTooLarge', `文件太大了 (a file may be at most ${MAX_FILE_BYTES} bytes)`)
    }
    const blob = `${Date.now().toString(36)}-${crypto.randomBytes(12).toString('hex')}`
    const temporary = path.join(this.dir, `tmp-${blob}`)
    const fd = fs.openSync(temporary, 'w', 0o600)
    try {
      fs.writeSync(fd, bytes)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(temporary, path.join(this.dir, blob))
    const dirFd = fs.openSync(this.dir, 'r')
    try {
      fs.fsyncSync(dirFd)
    } finally {
      fs.closeSync(dirFd)
    }
    const replaced = this.store.putFile({
      path: filePath,
      blob,
      size: bytes.length,
      contentType: kind ? IMAGE_CONTENT_TYPES[kind] : 'application/octet-stream',
      owner,
      createdAt: Date.now(),
    })
    if (replaced) fs.rmSync(path.join(this.dir, replaced), { force: true })
    return fileIdOf(filePath)
  }

  /** Deletes the file at `filePath`; false when there was none. */
  remove(filePath: string): boolean {
    const blob = this.store.deleteFile(filePath)
    if (!blob) return false
    fs.rmSync(path.join(this.dir, blob), { force: true })
    return true
  }

  /** The file's bytes and record, or null. */
  read(filePath: string): { bytes: Buffer; contentType: string } | null {
    const file = this.store.getFile(filePath)
    if (!file) return null
    try {
      return { bytes: fs.readFileSync(path.join(this.dir, file.blob)), contentType: file.contentType }
    } catch {
      return null
    }
  }

  private sign(...parts: string[]): string {
    return crypto.createHmac('sha256', this.secret).update(parts.join('\n')).digest('base64url').slice(0, 32)
  }

  /** A URL that serves the file for `maxAgeS` seconds of the emulated clock, or null when there is no file. */
  tempUrl(filePath: string, maxAgeS: number): string | null {
    const file = this.store.getFile(filePath)
    if (!file) return null
    const t = Math.floor(clock.now() / 1000) + maxAgeS
    // The path is left as it is: the SDK passes the URL through encodeURI before it fetches it.
    return `${this.baseUrl()}/storage/${BUCKET}/${filePath}?t=${t}&sign=${this.sign('get', filePath, file.blob, String(t))}`
  }

  private uploadAuthorization(filePath: string): string {
    const t = Math.floor(clock.now() / 1000) + UPLOAD_URL_AGE_S
    return `q-sign-time=${t}&q-signature=${this.sign('put', filePath, String(t))}`
  }

  private validUpload(filePath: string, authorization: string): boolean {
    const params = new URLSearchParams(authorization)
    const t = Number(params.get('q-sign-time'))
    const given = params.get('q-signature') ?? ''
    if (!Number.isSafeInteger(t) || t < Math.floor(clock.now() / 1000)) return false
    const expected = this.sign('put', filePath, String(t))
    return (
      given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))
    )
  }

  private maxAge(value: unknown): number {
    const n = Number(value)
    return Number.isInteger(n) && n > 0 ? Math.min(n, DEFAULT_MAX_AGE_S) : DEFAULT_MAX_AGE_S
  }

  /** A storage action of wx-server-sdk (the admin: no rule restricts it). */
  handleAdmin(action: string, body: Record<string, unknown>): Record<string, unknown> {
    const requestId = crypto.randomUUID()
    const named = body.file_list ?? body.fileid_list
    if (Array.isArray(named) && named.length > FILES_PER_REQUEST) {
      return { requestId, code: 'INVALID_PARAM', message: TOO_MANY_FILES }
    }
    if (action === 'storage.getUploadMetadata') {
      // Answered for any path, as COS signs first: the upload itself refuses a bad one with a clear message.
      const filePath = typeof body.path === 'string' ? body.path : ''
      return {
        requestId,
        data: {
          url: `${this.baseUrl()}/storage/${BUCKET}/${encodePath(filePath)}`,
          token: '',
          authorization: this.uploadAuthorization(filePath),
          fileId: fileIdOf(filePath),
          cosFileId: crypto.randomBytes(8).toString('hex'),
          download_url: `${this.baseUrl()}/storage/${BUCKET}/${encodePath(filePath)}`,
        },
      }
    }
    if (action === 'storage.batchGetDownloadUrl') {
      const list = Array.isArray(body.file_list) ? (body.file_list as Array<Record<string, unknown>>) : []
      return {
        requestId,
        data: {
          download_list: list.map((item) => {
            const fileID = String(item?.fileid ?? '')
            const filePath = pathOfFileId(fileID)
            const maxAge = this.maxAge(item?.max_age)
            const url = filePath ? this.tempUrl(filePath, maxAge) : null
            return url
              ? { fileID, tempFileURL: url, code: 'SUCCESS', maxAge }
              : { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'file not exist', maxAge }
          }),
        },
      }
    }
    if (action === 'storage.batchDeleteFile') {
      const list = Array.isArray(body.fileid_list) ? (body.fileid_list as unknown[]) : []
      return {
        requestId,
        data: {
          delete_list: list.map((fileID) => {
            const filePath = pathOfFileId(fileID)
            return filePath && this.remove(filePath)
              ? { fileID, code: 'SUCCESS' }
              : { fileID, code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' }
          }),
        },
      }
    }
    throw new Error(`not a storage action: ${action}`)
  }

  /**
   * GET/HEAD /storage/<bucket>/<path> (a temporary URL), PUT (wx-server-sdk 4's upload) and POST
   * (2.6's form upload) of a path signed by getUploadMetadata.
   */
  async handleHttp(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    route: string,
    url: URL,
    readBody: (limit: number) => Promise<Buffer>,
  ): Promise<void> {
    const rest = route.slice('/storage/'.length)
    const slash = rest.indexOf('/')
    const bucket = slash === -1 ? rest : rest.slice(0, slash)
    const filePath = validPath(slash === -1 ? '' : rest.slice(slash + 1))
    if (bucket !== BUCKET || !filePath)
      return cosError(res, 404, 'NoSuchBucket', 'The specified bucket does not exist')
    if (req.method === 'GET' || req.method === 'HEAD') {
      const t = Number(url.searchParams.get('t'))
      const file = this.store.getFile(filePath)
      const sign = url.searchParams.get('sign') ?? ''
      if (!file || sign !== this.sign('get', filePath, file.blob, String(t))) {
        return cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.')
      }
      if (!Number.isSafeInteger(t) || t < clock.now() / 1000) {
        return cosError(res, 403, 'AccessDenied', 'Request has expired')
      }
      const found = this.read(filePath)
      if (!found) return cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.')
      res.writeHead(200, {
        'content-type': found.contentType,
        'content-length': String(found.bytes.length),
        'cache-control': 'private, max-age=60',
      })
      res.end(req.method === 'HEAD' ? undefined : found.bytes)
      return
    }
    if (req.method !== 'PUT' && req.method !== 'POST') {
      return cosError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed')
    }
    let body: Buffer
    try {
      body = await readBody(MAX_FILE_BYTES + 64 * 1024)
    } catch {
      return cosError(
        res,
        413,
        'EntityTooLarge',
        `文件太大了 (a file may be at most ${MAX_FILE_BYTES} bytes)`,
      )
    }
    let bytes = body
    let authorization = String(req.headers.authorization ?? '')
    if (req.method === 'POST') {
      const parts = parseMultipart(body, String(req.headers['content-type'] ?? ''))
      authorization = parts.get('Signature')?.toString('utf8') ?? ''
      bytes = parts.get('file') ?? Buffer.alloc(0)
    }
    if (!this.validUpload(filePath, authorization)) {
      return cosError(
        res,
        403,
        'SignatureDoesNotMatch',
        'The upload is not signed for this path, or its time ran out',
      )
    }
    try {
      this.put(filePath, bytes, '')
    } catch (err) {
      if (err instanceof UploadRefused) return cosError(res, err.status, err.code, err.message)
      throw err
    }
    res.writeHead(200, { 'content-length': '0' })
    res.end()
  }

  /** The app's calls (H5 in place of wx.cloud): upload, temp-url, delete, as `openid`. */
  async handleClient(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    op: string,
    openid: string | null,
    readBody: (limit: number) => Promise<Buffer>,
  ): Promise<void> {
    const api = op === 'upload' ? 'uploadFile' : op === 'temp-url' ? 'getTempFileURL' : 'deleteFile'
    const fail = (status: number, errCode: number, why: string) =>
      sendJson(res, status, { errCode, errMsg: `cloud.${api}:fail ${why}` })
    if (req.method !== 'POST' || !['upload', 'temp-url', 'delete'].includes(op)) {
      return sendJson(res, 404, { errCode: -501007, errMsg: 'no such storage call' })
    }
    if (!openid) return fail(401, -501007, '请先登录再上传或查看照片')
    let body: Buffer
    try {
      body = await readBody(op === 'upload' ? MAX_IMAGE_BYTES + 64 * 1024 : 64 * 1024)
    } catch {
      return fail(413, -503001, '照片太大了，请选一张不超过 2MB 的照片')
    }
    if (op === 'upload') {
      const parts = parseMultipart(body, String(req.headers['content-type'] ?? ''))
      const filePath = validPath(parts.get('cloudPath')?.toString('utf8'))
      if (!filePath || !filePath.startsWith(`user/${openid}/`)) {
        return fail(403, -503002, `只能上传到自己的目录 user/${openid}/`)
      }
      try {
        return sendJson(res, 200, {
          fileID: this.put(filePath, parts.get('file') ?? Buffer.alloc(0), openid),
        })
      } catch (err) {
        if (err instanceof UploadRefused) {
          return fail(err.code === 'EntityTooLarge' ? 413 : 400, -503001, err.message)
        }
        throw err
      }
    }
    let parsed: { fileList?: unknown; maxAge?: unknown }
    try {
      parsed = JSON.parse(body.toString('utf8') || '{}') as typeof parsed
    } catch {
      return fail(400, -501007, 'fileList 格式不对')
    }
    const list = Array.isArray(parsed.fileList) ? parsed.fileList : null
    if (!list) return fail(400, -501007, 'fileList 应为文件 ID 的列表')
    if (list.length > FILES_PER_REQUEST) return fail(400, -501007, TOO_MANY_FILES)
    // A file the caller may not read or delete answers as a missing one.
    const allowed = (fileID: unknown, forDelete: boolean): string | null => {
      const filePath = pathOfFileId(
        typeof fileID === 'object' && fileID ? (fileID as { fileID?: unknown }).fileID : fileID,
      )
      const file = filePath ? this.store.getFile(filePath) : null
      if (!file || !filePath) return null
      if (file.owner === openid) return filePath
      return !forDelete && filePath.startsWith('public/') ? filePath : null
    }
    const missing = { status: -503003, errMsg: 'storage file not exists' }
    if (op === 'temp-url') {
      const maxAge = this.maxAge(parsed.maxAge)
      return sendJson(res, 200, {
        fileList: list.map((item) => {
          const fileID = typeof item === 'object' && item ? (item as { fileID?: unknown }).fileID : item
          const filePath = allowed(item, false)
          const url = filePath ? this.tempUrl(filePath, maxAge) : null
          return url
            ? { fileID, tempFileURL: url, maxAge, status: 0, errMsg: 'ok' }
            : { fileID, tempFileURL: '', maxAge, ...missing }
        }),
      })
    }
    return sendJson(res, 200, {
      fileList: list.map((fileID) => {
        const filePath = allowed(fileID, true)
        return filePath && this.remove(filePath)
          ? { fileID, status: 0, errMsg: 'ok' }
          : { fileID, ...missing }
      }),
    })
  }
}

/** CloudBase answers temporary URLs for, and deletes, at most this many files per request. */
export const FILES_PER_REQUEST = 50
const TOO_MANY_FILES = `一次最多处理 ${FILES_PER_REQUEST} 个文件 (at most ${FILES_PER_REQUEST} files per request)`

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)

/** An error as COS answers it: XML with Code, Message, RequestId and TraceId (the SDK reads all four). */
function cosError(res: http.ServerResponse, status: number, code: string, message: string): void {
  const id = crypto.randomBytes(12).toString('base64url')
  res.writeHead(status, { 'content-type': 'application/xml' })
  res.end(
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${xmlEscape(message)}</Message>\n` +
      `<Resource>/</Resource>\n<RequestId>${id}</RequestId>\n<TraceId>${id}</TraceId>\n</Error>`,
  )
}
