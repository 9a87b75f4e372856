/**
 * Exclusive per-document locks for transactions (strict two-phase locking: a transaction locks every
 * document it reads or writes and holds the locks until it commits or aborts).
 *
 * Waiters are served oldest first. A wait that would close a cycle of waiters is a deadlock:
 * the youngest transaction in the cycle becomes the victim — it is doomed (its commit answers a conflict,
 * which the SDK retries) and its locks are freed at once so that the others go on. A retry keeps the age
 * of the function call that made it, so a call that lost once is not the youngest forever. A wait that lasts longer than
 * `waitMs` dooms the waiter the same way, so nothing waits forever.
 */

export interface LockOwner {
  readonly id: string
  /** Real transactions can be doomed; a plain write waiting for a document cannot. */
  readonly transactional: boolean
  doomed: boolean
  /** Lower is older; the youngest transaction in a deadlock is the one that gives way. */
  priority: number
  held: Set<string>
  waitingFor: string | null
}

interface Waiter {
  owner: LockOwner
  resolve: (granted: boolean) => void
  timer: NodeJS.Timeout
}

interface LockState {
  owner: LockOwner
  queue: Waiter[]
}

export class LockManager {
  private locks = new Map<string, LockState>()

  constructor(private readonly waitMs = 2000) {}

  holderOf(key: string): LockOwner | null {
    return this.locks.get(key)?.owner ?? null
  }

  /**
   * Takes the lock on `key` for `owner`. Resolves true once held, or false when the owner was doomed while
   * waiting (deadlock victim or wait timeout); a doomed owner holds no locks.
   */
  acquire(owner: LockOwner, key: string): Promise<boolean> {
    if (owner.doomed) return Promise.resolve(false)
    const state = this.locks.get(key)
    if (!state) {
      this.locks.set(key, { owner, queue: [] })
      owner.held.add(key)
      return Promise.resolve(true)
    }
    if (state.owner === owner) return Promise.resolve(true)

    const cycle = this.cycleFrom(owner, state.owner)
    if (cycle) {
      const candidates = cycle.filter((o) => o.transactional)
      const victim = candidates.reduce<LockOwner | undefined>(
        (y, o) => (!y || o.priority > y.priority ? o : y),
        undefined,
      )
      if (victim) {
        this.doom(victim)
        if (victim === owner) return Promise.resolve(false)
      }
    }

    return new Promise<boolean>((resolve) => {
      const current = this.locks.get(key)
      if (!current) {
        this.locks.set(key, { owner, queue: [] })
        owner.held.add(key)
        resolve(true)
        return
      }
      const waiter: Waiter = {
        owner,
        resolve,
        timer: setTimeout(() => {
          if (owner.transactional) this.doom(owner)
          else this.dropWaiter(key, waiter, false)
        }, this.waitMs),
      }
      owner.waitingFor = key
      // Older transactions are served first, so the survivor of a deadlock is not stuck behind the
      // younger ones that keep losing to it.
      const at = current.queue.findIndex((w) => w.owner.priority > owner.priority)
      if (at === -1) current.queue.push(waiter)
      else current.queue.splice(at, 0, waiter)
    })
  }

  /** Frees every lock of the owner and hands each to its next waiter. */
  releaseAll(owner: LockOwner): void {
    for (const key of owner.held) this.release(owner, key)
    owner.held.clear()
  }

  /** Marks the owner doomed, ends its wait (if any) and frees its locks. */
  doom(owner: LockOwner): void {
    owner.doomed = true
    if (owner.waitingFor) {
      const state = this.locks.get(owner.waitingFor)
      const waiter = state?.queue.find((w) => w.owner === owner)
      if (waiter) this.dropWaiter(owner.waitingFor, waiter, false)
    }
    this.releaseAll(owner)
  }

  private dropWaiter(key: string, waiter: Waiter, granted: boolean): void {
    const state = this.locks.get(key)
    if (state) state.queue = state.queue.filter((w) => w !== waiter)
    clearTimeout(waiter.timer)
    waiter.owner.waitingFor = null
    waiter.resolve(granted)
  }

  private release(owner: LockOwner, key: string): void {
    const state = this.locks.get(key)
    if (!state || state.owner !== owner) return
    const next = state.queue.shift()
    if (!next) {
      this.locks.delete(key)
      return
    }
    clearTimeout(next.timer)
    state.owner = next.owner
    next.owner.waitingFor = null
    next.owner.held.add(key)
    next.resolve(true)
  }

  /** The owners on the wait path from `holder` back to `requester`, or null when there is no cycle. */
  private cycleFrom(requester: LockOwner, holder: LockOwner): LockOwner[] | null {
    const path: LockOwner[] = [requester]
    let current: LockOwner | null = holder
    const seen = new Set<LockOwner>()
    while (current && !seen.has(current)) {
      if (current === requester) return path
      seen.add(current)
      path.push(current)
      const waitingOn: string | null = current.waitingFor
      current = waitingOn ? (this.locks.get(waitingOn)?.owner ?? null) : null
    }
    return null
  }

  get size(): number {
    return this.locks.size
  }
}
