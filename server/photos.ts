/**
 * Photos people attach (a reward's picture, a need's photos). The app uploads a photo into its own folder of
 * the cloud storage (`user/<openid>/…`, the storage's rule) and passes its file ID to an action; the action
 * takes it only from that folder of the caller, reads it back, checks it is a picture of at most 2 MiB by its
 * bytes, passes it through WeChat's image check (`security.imgSecCheck`; a refused one is deleted and the
 * action answers `content-rejected`), and keeps it under the action's own path, out of the uploader's reach.
 * Photos are shown through temporary URLs the functions hand out after their own checks.
 */
import crypto from 'node:crypto'
import { IMAGE_CONTENT_TYPES, IMAGE_EXTENSIONS, imageProblem, sniffImage } from '../types/images'
import { cloud, deleteFiles, fileBatches } from './cloud'
import { AppError, invalid, notFound } from './errors'

/** How long a photo's temporary URL works: long enough to look at a page, short enough not to be passed on. */
export const PHOTO_URL_SECONDS = 2 * 3600

const PHOTO_MISSING = '没有找到这张照片，请重新选择'

/** The uploader's folder of a file ID (`cloud://<env>.<bucket>/user/<openid>/…`), checked against `openid`. */
export function isUploadOf(fileID: string, openid: string): boolean {
  const match = /^cloud:\/\/[^/]+\/user\/([^/]+)\/[^/]+/.exec(fileID)
  return Boolean(openid) && match?.[1] === openid && !fileID.split('/').includes('..')
}

interface SdkError {
  errCode?: number
}

/**
 * Takes the photo `fileID` the caller uploaded, checks it and stores it at `<dest>-<random>.<ext>`; answers
 * the new file ID. The upload itself is removed.
 */
export async function acceptPhoto(openid: string, fileID: string, dest: string): Promise<string> {
  if (!isUploadOf(fileID, openid)) throw notFound(PHOTO_MISSING)
  let bytes: Buffer
  try {
    bytes = Buffer.from((await cloud.downloadFile({ fileID })).fileContent as Buffer)
  } catch {
    throw notFound(PHOTO_MISSING)
  }
  const problem = imageProblem(bytes)
  const kind = sniffImage(bytes)
  if (problem || !kind) {
    await removeFiles([fileID])
    throw invalid(problem ?? undefined)
  }
  try {
    await cloud.openapi.security.imgSecCheck({
      media: { contentType: IMAGE_CONTENT_TYPES[kind], value: bytes },
    })
  } catch (err) {
    if ((err as SdkError).errCode === 87014) {
      await removeFiles([fileID])
      throw new AppError('content-rejected', '这张照片没有通过内容检查，请换一张')
    }
    console.error('imgSecCheck failed', err)
    throw new AppError('internal', '暂时无法检查照片，请稍后再试')
  }
  const cloudPath = `${dest}-${crypto.randomBytes(6).toString('hex')}.${IMAGE_EXTENSIONS[kind]}`
  const stored = await cloud.uploadFile({ cloudPath, fileContent: bytes })
  await removeFiles([fileID])
  return stored.fileID
}

/** Deletes files, whether or not they are still there (a photo replaced or taken away). */
export async function removeFiles(fileIDs: string[]): Promise<void> {
  try {
    await deleteFiles(fileIDs)
  } catch (err) {
    // A file left behind costs storage, not correctness: nothing refers to it any more.
    console.error('deleteFile failed', err)
  }
}

/**
 * Temporary URLs of `fileIDs` (one request per 50, sent together), by file ID; a missing file has none.
 */
export async function photoUrls(fileIDs: Array<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set(fileIDs.filter((f): f is string => Boolean(f)))]
  const urls = new Map<string, string>()
  const answers = await Promise.all(
    fileBatches(wanted).map(
      async (batch) =>
        (
          (await cloud.getTempFileURL({
            fileList: batch.map((fileID) => ({ fileID, maxAge: PHOTO_URL_SECONDS })),
          })) as { fileList: unknown[] }
        ).fileList as Array<{ fileID: string; tempFileURL: string; status: number }>,
    ),
  )
  for (const file of answers.flat()) {
    if (file.status === 0 && file.tempFileURL) urls.set(file.fileID, file.tempFileURL)
  }
  return urls
}
