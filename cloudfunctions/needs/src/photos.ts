/**
 * A need's photos (docs/API.md “Photos”): attached by the requester when posting (up to 3) and by the assignee
 * when marking it done (up to 3), kept where only the functions read them, answered as temporary URLs to those
 * who may open the need and to nobody else — to them a need they may not open answers exactly as a missing one.
 * The requester and workers may take a requester's photo away, workers a completion photo; a rejected need
 * loses its photos.
 */
import crypto from 'node:crypto'
import { needPhotosInput, removeNeedPhotoInput, type Need, type NeedPhotos } from '../../../types/needs'
import type { NeedPhotoRecord, NeedRecord } from '../../../types/records'
import { needNotFound, notFound } from '../../../server/errors'
import { action } from '../../../server/handler'
import { acceptPhoto, photoUrls, removeFiles } from '../../../server/photos'
import { changeNeed, findNeed } from './store'
import { mayView, toNeed } from './views'

const NO_PHOTO = '没有找到这张照片，可能已被删除'

/** Checks and keeps the caller's uploads, in order; if one is refused, those already kept are deleted. */
export async function acceptPhotos(openid: string, fileIDs: string[]): Promise<NeedPhotoRecord[]> {
  const kept: NeedPhotoRecord[] = []
  try {
    for (const fileID of fileIDs) {
      const id = crypto.randomBytes(8).toString('hex')
      kept.push({ id, fileID: await acceptPhoto(openid, fileID, `needs/${openid}/${id}`) })
    }
  } catch (err) {
    await removeFiles(kept.map((p) => p.fileID))
    throw err
  }
  return kept
}

export const photos = action({
  input: needPhotosInput,
  run: async (args, caller): Promise<NeedPhotos> => {
    let need: NeedRecord
    try {
      need = await findNeed(args.id)
    } catch {
      throw needNotFound()
    }
    if (!mayView(need, caller)) throw needNotFound()
    const request = need.photos ?? []
    const completion = need.completionPhotos ?? []
    // One request for the temporary URLs of both.
    const urls = await photoUrls([...request, ...completion].map((p) => p.fileID))
    const shown = (list: NeedPhotoRecord[]) =>
      list.filter((p) => urls.has(p.fileID)).map((p) => ({ id: p.id, url: urls.get(p.fileID)! }))
    return { items: shown(request), completion: shown(completion) }
  },
})

/**
 * Takes one photo away; its file is deleted. A requester's photo: the requester or a worker; a completion
 * photo (the volunteer's record of the service): a worker only.
 */
export const removePhoto = action({
  input: removeNeedPhotoInput,
  run: async (args, caller): Promise<Need> => {
    let removed: NeedPhotoRecord | undefined
    const need = await changeNeed(args.id, async (n) => {
      const isWorker = caller.roles.has('worker')
      const request = isWorker || n.requester.openid === caller.openid ? (n.photos ?? []) : []
      const completion = isWorker ? (n.completionPhotos ?? []) : []
      removed = [...request, ...completion].find((p) => p.id === args.photoId)
      // Someone who may not change the need learns nothing from it: the same answer as a missing photo.
      if (!removed) throw notFound(NO_PHOTO)
      return request.includes(removed)
        ? { photos: request.filter((p) => p !== removed) }
        : { completionPhotos: completion.filter((p) => p !== removed) }
    }).catch((err: unknown) => {
      if ((err as { code?: string }).code === 'not-found') throw notFound(NO_PHOTO)
      throw err
    })
    await removeFiles([removed!.fileID])
    return toNeed(need, caller)
  },
})

/** A rejected need keeps no photos: their files are deleted. */
export async function dropPhotos(need: NeedRecord): Promise<void> {
  await removeFiles([...(need.photos ?? []), ...(need.completionPhotos ?? [])].map((p) => p.fileID))
}
