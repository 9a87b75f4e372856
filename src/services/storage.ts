/**
 * Photos from the phone into the cloud storage, one API for both builds: a photo is chosen, made smaller on the
 * phone, and uploaded into the person's own folder (`user/<openid>/…`, the storage's rule); its file ID then goes
 * to the function that checks and keeps it (docs/API.md “Photos”). On WeChat that is Taro.compressImage and
 * wx.cloud.uploadFile; on H5 a canvas and the emulator's /cloud/storage/upload with the demo identity.
 */
import Taro from '@tarojs/taro'
import { IMAGE_EXTENSIONS, MAX_IMAGE_BYTES, sniffImage } from '@shared/images'
import { apiBase } from './api-base'
import { CloudError, NETWORK_MESSAGE } from './cloud-error'
import { getDemoOpenid } from './identity'
import { askPrivacy } from './privacy'

/** Photos are sent at most this many pixels on their longer side. */
const MAX_SIDE = 1280
const JPEG_QUALITY = 0.8
const TOO_LARGE = '照片太大了，请选一张不超过 2MB 的照片'

/**
 * Lets the person pick up to `count` photos (album or camera); answers their local paths, or an empty list
 * when they changed their mind or did not agree to the privacy policy.
 */
export async function choosePhotos(count: number): Promise<string[]> {
  if (!(await askPrivacy('chooseImage'))) return []
  try {
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return res.tempFilePaths.slice(0, count)
  } catch (err) {
    if (/cancel/i.test(String((err as { errMsg?: string })?.errMsg ?? ''))) return []
    throw new CloudError('internal', '没能打开相册，请再试一次')
  }
}

const uniqueName = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

async function uploadOnWeapp(localPath: string, folder: string): Promise<string> {
  let path = localPath
  try {
    path = (await Taro.compressImage({ src: localPath, quality: 80, compressedWidth: MAX_SIDE })).tempFilePath
  } catch {
    // A photo that cannot be compressed is sent as it is; the storage and the function still check its size.
  }
  const ext = /\.(png|gif|webp)$/i.exec(path)?.[1]?.toLowerCase() ?? 'jpg'
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `${folder}/${uniqueName()}.${ext}`, filePath: path })
    return res.fileID
  } catch {
    throw new CloudError('internal', '照片没有传上去，请检查网络后再试')
  }
}

/** The photo redrawn as a JPEG at most MAX_SIDE wide and high, or null when the browser cannot. */
async function compressInBrowser(blob: Blob): Promise<Blob | null> {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return null
  try {
    const bitmap = await createImageBitmap(blob)
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(bitmap.width * scale))
    canvas.height = Math.max(1, Math.round(bitmap.height * scale))
    const context = canvas.getContext('2d')
    if (!context) return null
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    return await new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/jpeg', JPEG_QUALITY))
  } catch {
    return null
  }
}

async function uploadOverHttp(localPath: string, folder: string, openid: string): Promise<string> {
  let original: Blob
  try {
    original = await (await fetch(localPath)).blob()
  } catch {
    throw new CloudError('internal', '没能读取这张照片，请重新选择')
  }
  const compressed = await compressInBrowser(original)
  const photo = compressed && compressed.size < original.size ? compressed : original
  if (photo.size > MAX_IMAGE_BYTES) throw new CloudError('invalid-argument', TOO_LARGE)
  const kind = sniffImage(new Uint8Array(await photo.slice(0, 16).arrayBuffer()))
  if (!kind) throw new CloudError('invalid-argument', '只能上传照片（JPG、PNG、WebP 或 GIF 格式）')
  const form = new FormData()
  form.set('cloudPath', `${folder}/${uniqueName()}.${IMAGE_EXTENSIONS[kind]}`)
  form.set('file', photo, 'photo')
  let res: Response
  try {
    res = await fetch(`${apiBase()}/cloud/storage/upload`, {
      method: 'POST',
      headers: { 'x-wx-openid': openid },
      body: form,
    })
  } catch {
    throw new CloudError('internal', NETWORK_MESSAGE)
  }
  const body = (await res.json().catch(() => ({}))) as { fileID?: string; errMsg?: string }
  if (res.ok && body.fileID) return body.fileID
  // The storage says why in Chinese after "cloud.uploadFile:fail ".
  const why = String(body.errMsg ?? '')
    .replace(/^cloud\.uploadFile:fail\s*/, '')
    .replace(/\s*\(.*\)$/, '')
  throw new CloudError('invalid-argument', why || '照片没有传上去，请再试一次')
}

/**
 * Compresses and uploads the photo at `localPath` into the folder of `openid` (the person's own, from
 * user.login); answers its file ID for the function that keeps it.
 */
export function uploadPhoto(localPath: string, openid: string): Promise<string> {
  const folder = `user/${openid}`
  if (process.env.TARO_ENV === 'weapp') return uploadOnWeapp(localPath, folder)
  const demo = getDemoOpenid()
  if (!demo) throw new CloudError('unauthenticated', '请先选择体验身份')
  return uploadOverHttp(localPath, folder, demo)
}

/** Shows photos full screen, starting at `current`. */
export function previewPhotos(urls: string[], current: string): void {
  Taro.previewImage({ urls, current }).catch(() => undefined)
}
