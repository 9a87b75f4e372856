/**
 * The phone's one queue of visits waiting to be sent (services/care-queue.ts), kept in Taro storage under the
 * person it was recorded by (on H5 each demo identity has its own, so a visit is never sent as someone else).
 */
import Taro from '@tarojs/taro'
import { logVisit } from './care'
import { createVisitQueue, type QueueStore, type QueuedVisit } from './care-queue'
import { getDemoOpenid } from './identity'

const storageKey = () => `care:visit-queue:${getDemoOpenid() ?? 'me'}`

export const taroQueueStore: QueueStore = {
  read() {
    const saved: unknown = Taro.getStorageSync(storageKey())
    return Array.isArray(saved) ? (saved as QueuedVisit[]) : []
  },
  write(items) {
    Taro.setStorageSync(storageKey(), items)
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
