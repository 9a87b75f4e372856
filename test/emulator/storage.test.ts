/**
 * Cloud storage as wx-server-sdk uses it from a function (upload, temporary URLs, download, delete, the errors
 * for a missing file, refused types and sizes), the app's own calls with their rules (a caller is refused a file
 * it may not read), kill -9 during uploads, and the openapi image check and mini-program code.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { MAX_IMAGE_BYTES } from '../../types/images'
import { IMAGE_RISK_MARKER } from '../../emulator/openapi'
import { encodePng } from '../../emulator/png'
import { MAX_FILE_BYTES } from '../../emulator/storage'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk, rejection, type Sdk } from '../helpers/sdk'
import { clientCall, clientUploadRaw, fetchUrl } from '../helpers/storage'

jest.spyOn(console, 'warn').mockImplementation(() => undefined)

/** A small PNG picture, distinct for each `seed`. */
const picture = (seed: number, text: Record<string, string> = {}) =>
  encodePng(8, 8, (x, y) => [(seed * 37 + x) & 255, (seed * 11 + y) & 255, seed & 255], text)

let emu: Emulator
let sdk: Sdk

beforeAll(async () => {
  emu = await startEmulator()
  sdk = connectSdk(emu.url)
})
afterAll(() => emu.stop())

const client = (op: 'temp-url' | 'delete', body: object, openid: string) => clientCall(emu, op, body, openid)
const clientUpload = (cloudPath: string, bytes: Buffer, openid: string) =>
  clientUploadRaw(emu, cloudPath, bytes, openid)

// A refused upload is COS's XML error, which @cloudbase/node-sdk raises as STORAGE_REQUEST_FAIL before
// wx-server-sdk 4.0 maps it (as it does a failed callFunction): errCode -1 with the code and COS's message.
const uploadFailed = { errCode: -1, code: 'STORAGE_REQUEST_FAIL' }

describe('storage through wx-server-sdk, as a function calls it', () => {
  it('uploads a file and answers its cloud:// file ID', async () => {
    const res = await sdk.cloud.uploadFile({ cloudPath: 'rewards/r1/a.png', fileContent: picture(1) })
    expect(res.fileID).toBe('cloud://local.6c6f-local-1300000000/rewards/r1/a.png')
  })

  it('hands out a temporary URL that serves the same bytes with the picture type', async () => {
    const bytes = picture(2)
    const { fileID } = await sdk.cloud.uploadFile({ cloudPath: 'rewards/r2/b.png', fileContent: bytes })
    const res = await sdk.cloud.getTempFileURL({ fileList: [fileID] })
    expect(res.fileList).toEqual([
      expect.objectContaining({
        fileID,
        status: 0,
        errMsg: 'ok',
        tempFileURL: expect.stringContaining('/storage/'),
      }),
    ])
    const got = await fetchUrl(res.fileList[0].tempFileURL)
    expect(got.status).toBe(200)
    expect(got.type).toBe('image/png')
    expect(got.bytes.equals(bytes)).toBe(true)
  })

  it('downloads a file back with downloadFile', async () => {
    const bytes = picture(3)
    const { fileID } = await sdk.cloud.uploadFile({ cloudPath: '说明/文件.png', fileContent: bytes })
    const res = await sdk.cloud.downloadFile({ fileID })
    expect(Buffer.from(res.fileContent).equals(bytes)).toBe(true)
  })

  it('stops serving a temporary URL once its maxAge has passed on the emulated clock', async () => {
    const { fileID } = await sdk.cloud.uploadFile({ cloudPath: 'expiry/c.png', fileContent: picture(4) })
    const res = await sdk.cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 120 }] })
    const url = res.fileList[0].tempFileURL
    expect((await fetchUrl(url)).status).toBe(200)
    await emu.advanceClock(60_000)
    expect((await fetchUrl(url)).status).toBe(200)
    await emu.advanceClock(61_000)
    const expired = await fetchUrl(url)
    expect(expired.status).toBe(403)
    expect(expired.bytes.toString()).toContain('Request has expired')
  })

  it('refuses a temporary URL whose signature was changed', async () => {
    const { fileID } = await sdk.cloud.uploadFile({ cloudPath: 'sig/d.png', fileContent: picture(5) })
    const url: string = (await sdk.cloud.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL
    const forged = url.replace(/sign=[^&]+/, 'sign=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
    expect((await fetchUrl(forged)).status).toBe(404)
    const longer = url.replace(/t=(\d+)/, (_m, t: string) => `t=${Number(t) + 100000}`)
    expect((await fetchUrl(longer)).status).toBe(404)
  })

  it('deletes a file: its old URL stops working and a second delete answers the missing-file code', async () => {
    const { fileID } = await sdk.cloud.uploadFile({ cloudPath: 'gone/e.png', fileContent: picture(6) })
    const url: string = (await sdk.cloud.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL
    const first = await sdk.cloud.deleteFile({ fileList: [fileID] })
    expect(first.fileList).toEqual([{ fileID, status: 0, errMsg: 'ok' }])
    expect((await fetchUrl(url)).status).toBe(404)
    const again = await sdk.cloud.deleteFile({ fileList: [fileID] })
    expect(again.fileList).toEqual([{ fileID, status: -503003, errMsg: 'storage file not exists' }])
  })

  it('answers at most 50 files a request: 51 temporary URLs or deletes are refused and delete nothing', async () => {
    const ids: string[] = []
    for (let i = 0; i < 51; i++)
      ids.push(
        (await sdk.cloud.uploadFile({ cloudPath: `many/${i}.txt`, fileContent: Buffer.from(`${i}`) })).fileID,
      )
    const urls = await rejection(sdk.cloud.getTempFileURL({ fileList: ids }))
    expect(urls).toMatchObject({ code: 'INVALID_PARAM' })
    const deletes = await rejection(sdk.cloud.deleteFile({ fileList: ids }))
    expect(deletes).toMatchObject({ code: 'INVALID_PARAM' })
    const fifty = await sdk.cloud.getTempFileURL({ fileList: ids.slice(0, 50) })
    expect(fifty.fileList.filter((f: { status: number }) => f.status === 0)).toHaveLength(50)
    const last = await sdk.cloud.getTempFileURL({ fileList: ids.slice(50) })
    expect(last.fileList[0].status).toBe(0)
  })

  it('answers -503003 for a missing file in getTempFileURL and downloadFile', async () => {
    const fileID = 'cloud://local.6c6f-local-1300000000/nothing/here.png'
    const res = await sdk.cloud.getTempFileURL({ fileList: [fileID] })
    expect(res.fileList).toEqual([
      expect.objectContaining({
        fileID,
        status: -503003,
        errMsg: 'storage file not exists',
        tempFileURL: '',
      }),
    ])
    const err = await rejection(sdk.cloud.downloadFile({ fileID }))
    expect(err).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' })
  })

  it('replaces a file uploaded again to the same path, and the old URL serves nothing', async () => {
    const { fileID } = await sdk.cloud.uploadFile({ cloudPath: 'again/f.png', fileContent: picture(7) })
    const oldUrl: string = (await sdk.cloud.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL
    await sdk.cloud.uploadFile({ cloudPath: 'again/f.png', fileContent: picture(8) })
    expect((await fetchUrl(oldUrl)).status).toBe(404)
    const res = await sdk.cloud.downloadFile({ fileID })
    expect(Buffer.from(res.fileContent).equals(picture(8))).toBe(true)
  })

  it('refuses a path ending in a picture extension that does not hold a picture, and stores nothing', async () => {
    const err = await rejection(
      sdk.cloud.uploadFile({
        cloudPath: 'bad/g.jpg',
        fileContent: Buffer.from('<html>not a picture</html>'),
      }),
    )
    expect(err).toMatchObject(uploadFailed)
    expect(err.errMsg).toMatch(/InvalidContent.*只能上传照片/)
    const res = await sdk.cloud.getTempFileURL({
      fileList: ['cloud://local.6c6f-local-1300000000/bad/g.jpg'],
    })
    expect(res.fileList[0].status).toBe(-503003)
  })

  it('refuses a picture larger than 2 MiB and any file larger than 10 MiB', async () => {
    const big = Buffer.concat([picture(9), Buffer.alloc(MAX_IMAGE_BYTES)])
    const err = await rejection(sdk.cloud.uploadFile({ cloudPath: 'bad/big.png', fileContent: big }))
    expect(err).toMatchObject(uploadFailed)
    expect(err.errMsg).toMatch(/EntityTooLarge.*2MB/)
    const huge = Buffer.alloc(MAX_FILE_BYTES + 1, 1)
    const err2 = await rejection(sdk.cloud.uploadFile({ cloudPath: 'bad/huge.bin', fileContent: huge }))
    expect(err2).toMatchObject(uploadFailed)
    expect(err2.errMsg).toMatch(/EntityTooLarge/)
    const res = await sdk.cloud.getTempFileURL({
      fileList: ['bad/big.png', 'bad/huge.bin'].map((p) => `cloud://local.6c6f-local-1300000000/${p}`),
    })
    expect(res.fileList.map((f: { status: number }) => f.status)).toEqual([-503003, -503003])
  })

  it('keeps other files from functions as they are (a text export)', async () => {
    const { fileID } = await sdk.cloud.uploadFile({
      cloudPath: 'exports/list.csv',
      fileContent: Buffer.from('a,b\n'),
    })
    expect((await sdk.cloud.downloadFile({ fileID })).fileContent.toString()).toBe('a,b\n')
  })
})

it('uploads through wx-server-sdk 2.6.3 as well (its form POST with the Signature field)', async () => {
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const old = require('wx-server-sdk-2')
    old.init({ env: old.DYNAMIC_CURRENT_ENV })
    sdk26 = old
  })
  const bytes = picture(40)
  const { fileID } = await sdk26.uploadFile({ cloudPath: 'old-sdk/a.png', fileContent: bytes })
  expect(fileID).toBe('cloud://local.6c6f-local-1300000000/old-sdk/a.png')
  const res = await sdk26.downloadFile({ fileID })
  expect(Buffer.from(res.fileContent).equals(bytes)).toBe(true)
  const refused = await rejection(
    sdk26.uploadFile({ cloudPath: 'old-sdk/b.png', fileContent: Buffer.from('no') }),
  )
  expect(refused.errCode).toBe(-503001)
  expect(refused.errMsg).toMatch(/只能上传照片/)
})
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let sdk26: any

describe('storage from the app (the rules for callers)', () => {
  it('uploads a picture under the caller’s own folder and lets the caller read it', async () => {
    const up = await clientUpload('user/o-alice/p1.png', picture(20), 'o-alice')
    expect(up.status).toBe(200)
    const res = await client('temp-url', { fileList: [up.body.fileID] }, 'o-alice')
    expect(res.body.fileList[0]).toMatchObject({ status: 0, errMsg: 'ok' })
    expect((await fetchUrl(res.body.fileList[0].tempFileURL)).bytes.equals(picture(20))).toBe(true)
  })

  it('refuses another person a file they did not upload, exactly as a missing one', async () => {
    const up = await clientUpload('user/o-alice/p2.png', picture(21), 'o-alice')
    const stranger = await client('temp-url', { fileList: [up.body.fileID] }, 'o-bob')
    const missing = await client(
      'temp-url',
      { fileList: ['cloud://local.6c6f-local-1300000000/user/o-alice/none.png'] },
      'o-bob',
    )
    const strip = (row: Record<string, unknown>) => ({ ...row, fileID: undefined })
    expect(stranger.body.fileList[0]).toMatchObject({ status: -503003, tempFileURL: '' })
    expect(strip(stranger.body.fileList[0])).toEqual(strip(missing.body.fileList[0]))
    const del = await client('delete', { fileList: [up.body.fileID] }, 'o-bob')
    expect(del.body.fileList[0].status).toBe(-503003)
    // Still there for its owner.
    expect(
      (await client('temp-url', { fileList: [up.body.fileID] }, 'o-alice')).body.fileList[0].status,
    ).toBe(0)
  })

  it('lets anyone read files under public/, and only a function put them there', async () => {
    const { fileID } = await sdk.cloud.uploadFile({
      cloudPath: 'public/rewards/x.png',
      fileContent: picture(22),
    })
    const res = await client('temp-url', { fileList: [fileID] }, 'o-bob')
    expect(res.body.fileList[0].status).toBe(0)
    const up = await clientUpload('public/rewards/y.png', picture(23), 'o-bob')
    expect(up.status).toBe(403)
    expect(up.body.errMsg).toMatch(/只能上传到自己的目录/)
  })

  it('refuses an upload that is not a picture, or too large, or from nobody, and stores nothing', async () => {
    const text = await clientUpload('user/o-bob/a.png', Buffer.from('just text'), 'o-bob')
    expect(text.status).toBe(400)
    expect(text.body.errMsg).toMatch(/只能上传照片/)
    const big = await clientUpload(
      'user/o-bob/b.png',
      Buffer.concat([picture(24), Buffer.alloc(MAX_IMAGE_BYTES)]),
      'o-bob',
    )
    expect(big.status).toBe(413)
    expect(big.body.errMsg).toMatch(/不超过 2MB/)
    const anonymous = await clientUploadRaw(emu, 'user/x/c.png', picture(25), null)
    expect(anonymous.status).toBe(401)
    const res = await client(
      'temp-url',
      { fileList: ['a.png', 'b.png'].map((n) => `cloud://local.6c6f-local-1300000000/user/o-bob/${n}`) },
      'o-bob',
    )
    expect(res.body.fileList.map((f: { status: number }) => f.status)).toEqual([-503003, -503003])
  })

  it('refuses more than 50 files in one request from the app, and deletes none of them', async () => {
    const ids: string[] = []
    for (let i = 0; i < 51; i++)
      ids.push((await clientUpload(`user/o-dan/${i}.png`, picture(100 + i), 'o-dan')).body.fileID as string)
    for (const op of ['temp-url', 'delete'] as const) {
      const res = await client(op, { fileList: ids }, 'o-dan')
      expect(res.status).toBe(400)
      expect(res.body).toMatchObject({ errCode: -501007 })
    }
    const still = await client('temp-url', { fileList: ids.slice(0, 50) }, 'o-dan')
    expect(still.body.fileList.filter((f: { status: number }) => f.status === 0)).toHaveLength(50)
  })

  it('lets the owner delete their own file', async () => {
    const up = await clientUpload('user/o-carol/p.png', picture(26), 'o-carol')
    const del = await client('delete', { fileList: [up.body.fileID] }, 'o-carol')
    expect(del.body.fileList[0]).toMatchObject({ status: 0, errMsg: 'ok' })
  })
})

describe('openapi for pictures', () => {
  it('imgSecCheck flags the documented test picture, passes others, and records each check', async () => {
    const before = (await emu.outbox()).length
    const ok = await sdk.cloud.openapi.security.imgSecCheck({
      media: { contentType: 'image/png', value: picture(30) },
    })
    expect(ok.errCode).toBe(0)
    const err = await rejection(
      sdk.cloud.openapi.security.imgSecCheck({
        media: { contentType: 'image/png', value: picture(31, { Comment: IMAGE_RISK_MARKER }) },
      }),
    )
    expect(err.errCode).toBe(87014)
    const checks = (await emu.outbox()).slice(before).filter((m) => m.api === 'security.imgSecCheck')
    expect(checks.map((m) => m.payload.verdict)).toEqual(['pass', 'risky'])
  })

  it('imgSecCheck refuses something that is not a picture', async () => {
    const err = await rejection(
      sdk.cloud.openapi.security.imgSecCheck({
        media: { contentType: 'image/png', value: Buffer.from('text') },
      }),
    )
    expect(err.errCode).toBe(40004)
  })

  it('wxacode.getUnlimited answers a PNG whose QR code scans back to the page and the scene', async () => {
    const res = await sdk.cloud.openapi.wxacode.getUnlimited({ scene: 'r=abc123', page: 'pages/mall/index' })
    expect(res.contentType).toBe('image/png')
    const png = PNG.sync.read(Buffer.from(res.buffer))
    const scanned = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    expect(scanned?.data).toBe(`pages/mall/index?scene=${encodeURIComponent('r=abc123')}`)
  })

  it('wxacode.getUnlimited refuses a missing or too long scene', async () => {
    const err = await rejection(sdk.cloud.openapi.wxacode.getUnlimited({ scene: 'x'.repeat(33) }))
    expect(err.errCode).toBe(40169)
  })
})

it('keeps every acknowledged upload intact through kill -9', async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoshe-storage-'))
  const first = await startEmulator({ dataDir })
  const admin = connectSdk(first.url)
  const acknowledged = new Map<string, Buffer>()
  let stop = false
  const uploader = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const bytes = encodePng(64, 64, (x, y) => [(w * 31 + i) & 255, (x * y + i) & 255, (x + y) & 255])
      try {
        const { fileID } = await admin.cloud.uploadFile({
          cloudPath: `burst/${w}/${i}.png`,
          fileContent: bytes,
        })
        acknowledged.set(fileID, bytes)
      } catch {
        return // the emulator is gone
      }
    }
  }
  const uploaders = Array.from({ length: 6 }, (_v, w) => uploader(w))
  for (let waited = 0; acknowledged.size < 40 && waited < 20_000; waited += 50)
    await new Promise((r) => setTimeout(r, 50))
  await first.kill()
  stop = true
  await Promise.all(uploaders)
  expect(acknowledged.size).toBeGreaterThanOrEqual(40)

  const second = await startEmulator({ dataDir })
  try {
    const again = connectSdk(second.url)
    for (const [fileID, bytes] of acknowledged) {
      const res = await again.cloud.downloadFile({ fileID })
      expect(Buffer.from(res.fileContent).equals(bytes)).toBe(true)
    }
    // Nothing is left behind but the files that have a record.
    const blobs = fs.readdirSync(path.join(dataDir, 'storage'))
    expect(blobs.filter((b) => b.startsWith('tmp-'))).toEqual([])
  } finally {
    await second.stop()
    connectSdk(emu.url)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
