/**
 * The app's storage calls as the H5 build makes them (in place of wx.cloud): an upload into the caller's own
 * folder and temporary URLs, as `openid`, against a test's emulator.
 */
import type { Emulator } from './emulator'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>

/** POST /cloud/storage/upload: the HTTP status and what it answered. */
export async function clientUploadRaw(
  emu: Emulator,
  cloudPath: string,
  bytes: Buffer,
  openid: string | null,
): Promise<{ status: number; body: Json }> {
  const form = new FormData()
  form.set('cloudPath', cloudPath)
  form.set('file', new Blob([bytes]), 'photo')
  const res = await fetch(`${emu.url}/cloud/storage/upload`, {
    method: 'POST',
    headers: openid ? { 'x-wx-openid': openid } : {},
    body: form,
  })
  return { status: res.status, body: (await res.json()) as Json }
}

/** Uploads a photo as `openid` and answers its file ID (fails the test when refused). */
export async function clientUpload(
  emu: Emulator,
  cloudPath: string,
  bytes: Buffer,
  openid: string,
): Promise<string> {
  const res = await clientUploadRaw(emu, cloudPath, bytes, openid)
  if (res.status !== 200) throw new Error(`upload refused: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.fileID as string
}

/** POST /cloud/storage/<op> with a JSON body, as `openid`. */
export async function clientCall(
  emu: Emulator,
  op: 'temp-url' | 'delete',
  body: object,
  openid: string,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${emu.url}/cloud/storage/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Json }
}

/** The temporary URL `openid` may have of `fileID`, or null when the storage answers it as missing. */
export async function tempUrl(emu: Emulator, fileID: string, openid: string): Promise<string | null> {
  const res = await clientCall(emu, 'temp-url', { fileList: [fileID] }, openid)
  const row = res.body.fileList[0] as { status: number; tempFileURL: string }
  return row.status === 0 ? row.tempFileURL : null
}

/** A temporary URL's status, bytes and type, fetched as the SDK and a browser fetch it (encodeURI). */
export async function fetchUrl(url: string): Promise<{ status: number; bytes: Buffer; type: string | null }> {
  const res = await fetch(encodeURI(url))
  return {
    status: res.status,
    bytes: Buffer.from(await res.arrayBuffer()),
    type: res.headers.get('content-type'),
  }
}

/** A temporary URL's bytes (fails the test unless it answers 200). */
export async function fetchBytes(url: string): Promise<Buffer> {
  const res = await fetchUrl(url)
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
  return res.bytes
}
