/**
 * Cloud storage through the emulator, as the app and the functions use it: a photo uploaded from the app
 * (multipart into the person's folder), an upload from a function (wx-server-sdk: metadata, then PUT),
 * temporary URLs (one, and a catalogue page of 20 at once), and fetching a photo by its URL.
 */
import { encodePng } from '../emulator/png'
import { type Emulator } from '../test/helpers/emulator'
import { connectSdk } from '../test/helpers/sdk'
import { clientUpload, fetchBytes } from '../test/helpers/storage'
import { section, timeSerial, timingRow } from './lib'

export async function benchStorage(emu: Emulator): Promise<void> {
  const { cloud } = connectSdk(emu.url)
  // A 640 × 480 picture drawn here; its size is printed in the heading.
  const photo = encodePng(640, 480, (x, y) => [(x * 7 + y) & 255, (y * 3) & 255, (x ^ y) & 255])
  section(`cloud storage through the emulator (serial, a ${(photo.length / 1024).toFixed(0)} KiB PNG)`)
  timingRow(
    'app upload (POST /cloud/storage/upload)',
    await timeSerial(100, (i) => clientUpload(emu, `user/bench/p${i + 100}.png`, photo, 'bench'), 10),
  )
  timingRow(
    'function uploadFile (metadata + PUT)',
    await timeSerial(
      100,
      (i) => cloud.uploadFile({ cloudPath: `bench/f${i + 100}.png`, fileContent: photo }),
      10,
    ),
  )
  const { fileID } = await cloud.uploadFile({ cloudPath: 'bench/one.png', fileContent: photo })
  timingRow(
    'getTempFileURL (1 file)',
    await timeSerial(300, () => cloud.getTempFileURL({ fileList: [fileID] })),
  )
  const page: string[] = []
  for (let i = 0; i < 20; i++)
    page.push((await cloud.uploadFile({ cloudPath: `bench/page${i}.png`, fileContent: photo })).fileID)
  timingRow(
    'getTempFileURL (20 files, a catalogue page)',
    await timeSerial(200, () => cloud.getTempFileURL({ fileList: page })),
  )
  const url: string = (await cloud.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL
  timingRow('GET a temporary URL', await timeSerial(300, () => fetchBytes(url)))
}
