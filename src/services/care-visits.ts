/**
 * The phone's one queue of visits waiting to be sent (services/care-queue.ts), kept in memory and in Taro
 * storage under the person it was recorded by (on H5 each demo identity has its own, so a visit is never sent
 * as someone else).
 */
import Taro from '@tarojs/taro'
import { logVisit } from './care'
import { createVisitQueue, type QueueStore, type QueuedVisit } from './care-queue'
import { getDemoOpenid } from './identity'

const storageKey = () => `care:visit-queue:${getDemoOpenid() ?? 'me'}`

// The queue as this run of the app knows it: storage is its copy for the next run, so a storage that fails
// (full, or unavailable) costs only that copy, never a visit recorded now.
const held = new Map<string, QueuedVisit[]>()

export const taroQueueStore: QueueStore = {
  read() {
    const key = storageKey()
    if (!held.has(key)) {
      let saved: unknown = null
      try {
        saved = Taro.getStorageSync(key)
      } catch {
        // Nothing saved that can be read: start empty.
      }
      held.set(key, Array.isArray(saved) ? (saved as QueuedVisit[]) : [])
    }
    return held.get(key)!.map((item) => ({ ...item }))
  },
  write(items) {
    const key = storageKey()
    held.set(key, items)
    try {
      Taro.setStorageSync(key, items)
    } catch {
      // Kept in memory for this run; see above.
    }
  },
}

export const visitQueue = createVisitQueue(taroQueueStore, logVisit)

/** Sends what waits, quietly: a failure leaves it waiting and shown as 待上传. */
export function sendWaitingVisits(): void {
  if (visitQueue.pending().length > 0) void visitQueue.flush().catch(() => undefined)
}

let watching = false

/** Once per app: send the waiting visits whenever the network comes back. */
export function watchNetworkForVisits(): void {
  if (watching) return
  watching = true
  Taro.onNetworkStatusChange(({ isConnected }) => {
    if (isConnected) sendWaitingVisits()
  })
  // Browsers tell a returning network by `online`; Taro's H5 listener only hears connection-type changes.
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    window.addEventListener('online', sendWaitingVisits)
  }
}
