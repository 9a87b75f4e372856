/** Seeded randomness for tests: a failing seed replays the same plan. */

/** mulberry32: a small seeded PRNG, so that a failing seed replays the same plan. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class Dice {
  readonly next: () => number
  constructor(seed: number) {
    this.next = mulberry32(seed)
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]
  }
  /** n distinct elements, in random order. */
  sample<T>(xs: readonly T[], n: number): T[] {
    const copy = [...xs]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[copy[i], copy[j]] = [copy[j], copy[i]]
    }
    return copy.slice(0, n)
  }
}
