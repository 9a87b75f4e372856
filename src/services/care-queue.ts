/**
 * Visits recorded at the door wait on the phone until they reach the server: every visit is first kept in
 * storage (shown as 待上传), then sent with its idempotency key; it leaves the phone only once the server has
 * answered with the visit. Sending is retried when the network returns, when the app shows again and when
 * the person taps 重新上传. However often the same queued visit is sent — a retry after a lost answer, two
 * retries at once — the key makes the server record it once (care.logVisit), and one flush at a time runs here.
 */
import type { LogVisitInput, Visit } from '@shared/care'
import { type CloudError, NETWORK_MESSAGE, toCloudError } from './cloud-error'

export interface QueuedVisit {
  /** The idempotency key, made once when the visit was saved. */
  key: string
  input: LogVisitInput
  recipientName: string
  savedAt: number
  /** Why the server refused it (it will not go through by retrying), or null while it only waits for a network. */
  problem: string | null
}

/** Where the queue lives: Taro storage in the app, anything with the same two calls in a test. */
export interface QueueStore {
  read(): QueuedVisit[]
  write(items: QueuedVisit[]): void
}

export interface FlushResult {
  sent: Visit[]
  /** Visits still on the phone after this flush. */
  waiting: number
}

export interface VisitQueue {
  /** Keeps a visit on the phone; answers the queued entry (with its key). */
  save(input: Omit<LogVisitInput, 'idempotencyKey'>, recipientName: string): QueuedVisit
  pending(): QueuedVisit[]
  /** Sends every waiting visit, oldest first; a second call while one runs answers the same flush. */
  flush(): Promise<FlushResult>
  /** Drops a visit the server refused (after the person read why). */
  discard(key: string): void
  /** Called after every change of the queue; answers the unsubscribe. */
  subscribe(listener: () => void): () => void
}

/** A fresh key for one visit, made on the phone when it is saved. */
export function newVisitKey(): string {
  let random = ''
  while (random.length < 16) random += Math.random().toString(36).slice(2)
  return `visit-${Date.now().toString(36)}-${random.slice(0, 16)}`
}

/** A failure that another try may cure: no network, a time-out, a server hiccup. */
export function isTransient(error: CloudError): boolean {
  return (
    error.code === 'deadline-exceeded' ||
    error.code === 'internal' ||
    error.code === 'resource-exhausted' ||
    error.message === NETWORK_MESSAGE
  )
}

export function createVisitQueue(
  store: QueueStore,
  send: (input: LogVisitInput) => Promise<Visit>,
  now: () => number = Date.now,
): VisitQueue {
  const listeners = new Set<() => void>()
  let running: Promise<FlushResult> | null = null

  const changed = () => listeners.forEach((listener) => listener())
  const update = (fn: (items: QueuedVisit[]) => QueuedVisit[]) => {
    store.write(fn(store.read()))
    changed()
  }

  const runFlush = async (): Promise<FlushResult> => {
    const sent: Visit[] = []
    for (const item of store.read()) {
      try {
        const visit = await send({ ...item.input, idempotencyKey: item.key })
        sent.push(visit)
        update((items) => items.filter((i) => i.key !== item.key))
      } catch (e) {
        const error = toCloudError(e)
        if (isTransient(error)) break
        update((items) => items.map((i) => (i.key === item.key ? { ...i, problem: error.message } : i)))
      }
    }
    return { sent, waiting: store.read().length }
  }

  return {
    save(input, recipientName) {
      const entry: QueuedVisit = {
        key: newVisitKey(),
        input: { ...input, idempotencyKey: '' },
        recipientName,
        savedAt: now(),
        problem: null,
      }
      entry.input.idempotencyKey = entry.key
      update((items) => [...items, entry])
      return entry
    },
    pending: () => store.read(),
    flush() {
      running ??= runFlush().finally(() => {
        running = null
      })
      return running
    },
    discard(key) {
      update((items) => items.filter((i) => i.key !== key))
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
