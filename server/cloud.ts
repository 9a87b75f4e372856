/**
 * The one place that initialises wx-server-sdk. On CloudBase it talks to the function's own environment;
 * in the local emulator the same code talks to the emulator (which sets the platform's variables).
 */
import cloud from 'wx-server-sdk'
import type { Command, Database } from './db'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export { cloud }
export const db = cloud.database() as unknown as Database
export const _: Command = db.command

/** CloudBase deletes, and answers temporary URLs for, at most this many files in one request. */
export const FILES_PER_REQUEST = 50

/** `list` in pieces of at most FILES_PER_REQUEST, one piece per storage request. */
export function fileBatches<T>(list: T[]): T[][] {
  const batches: T[][] = []
  for (let i = 0; i < list.length; i += FILES_PER_REQUEST) batches.push(list.slice(i, i + FILES_PER_REQUEST))
  return batches
}

/** Deletes files, one request per FILES_PER_REQUEST of them; a failed request throws. */
export async function deleteFiles(fileIDs: string[]): Promise<void> {
  for (const batch of fileBatches(fileIDs)) await cloud.deleteFile({ fileList: batch })
}

/** The caller as WeChat vouches for it; an empty string means an anonymous call. */
export function callerOpenid(): string {
  return cloud.getWXContext().OPENID ?? ''
}

/** The openids that hold the worker role whatever the database says (env ADMIN_OPENIDS). */
export function adminOpenids(): Set<string> {
  return new Set(
    (process.env.ADMIN_OPENIDS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
}
