/**
 * Transactions with retries. CloudBase (and the emulator) answer a transaction that lost a race with a
 * conflict; wx-server-sdk retries some of those itself, and this wrapper retries the rest with a short,
 * jittered back-off, so that racing callers all get a real answer. The callback must be pure: it may run
 * more than once.
 */
import { db } from './cloud'
import { AppError } from './errors'

import type { Transaction } from './db'

const CONFLICT =
  /TRANSACTION_CONFLICT|transaction conflict|transaction is not active|WriteConflict|lock wait timeout/i

export function isConflict(err: unknown): boolean {
  if (err instanceof AppError) return false
  const e = err as { errMsg?: string; message?: string; code?: string } | null
  const text = `${e?.code ?? ''} ${e?.errMsg ?? ''} ${e?.message ?? ''}`
  return CONFLICT.test(text)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function inTransaction<T>(work: (tx: Transaction) => Promise<T>, attempts = 8): Promise<T> {
  let lastError: unknown
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return (await db.runTransaction(work, 1)) as T
    } catch (err) {
      if (!isConflict(err)) throw err
      lastError = err
      await sleep(Math.random() * Math.min(200, 10 * 2 ** attempt))
    }
  }
  throw lastError
}
