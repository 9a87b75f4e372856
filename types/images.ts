/**
 * The pictures people may upload, told apart by their first bytes (never by a file name or a declared type):
 * JPEG, PNG, WebP and GIF, at most MAX_IMAGE_BYTES once compressed on the phone. The pages, the functions and
 * the emulator's storage apply the same rule.
 */

import * as z from 'zod/mini'

/** The file ID of a photo the app uploaded into the caller's own folder of the cloud storage. */
export const photoFileId = z
  .string({ error: '请先选择一张照片' })
  .check(z.minLength(1, { error: '请先选择一张照片' }), z.maxLength(600, { error: '照片不正确，请重新选择' }))

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'gif'

/** The largest picture accepted: 2 MiB (a phone photo compressed by Taro.compressImage is far below it). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024

export const IMAGE_CONTENT_TYPES: Record<ImageKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
}

export const IMAGE_EXTENSIONS: Record<ImageKind, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
}

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b)

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0))

/** Which picture `bytes` hold, by their magic bytes, or null for anything else. */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif'
  return null
}

/** The kind of picture a file name promises by its extension (`a.JPG` → jpeg), or null. */
export function imageKindOfName(name: string): ImageKind | null {
  const ext = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase()
  if (ext === 'jpg' || ext === 'jpeg') return 'jpeg'
  if (ext === 'png' || ext === 'webp' || ext === 'gif') return ext
  return null
}

/** Why `bytes` are not an acceptable picture, in plain Chinese, or null when they are one. */
export function imageProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '照片是空的，请重新选一张'
  if (!sniffImage(bytes)) return '只能上传照片（JPG、PNG、WebP 或 GIF 格式）'
  if (bytes.length > MAX_IMAGE_BYTES) return '照片太大了，请选一张不超过 2MB 的照片'
  return null
}
