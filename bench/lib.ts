/** Small helpers for the benchmarks: timing, percentiles and aligned output. */

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]
}

export interface Timing {
  n: number
  p50: number
  p99: number
  mean: number
}

/** Runs `fn` `n` times one after another (after a short warm-up) and reports milliseconds. */
export async function timeSerial(
  n: number,
  fn: (i: number) => Promise<unknown>,
  warmup = 20,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i)
  const samples: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn(i)
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  return {
    n,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: samples.reduce((s, x) => s + x, 0) / n,
  }
}

export function section(title: string): void {
  console.log(`\n## ${title}`)
}

export function row(label: string, value: string): void {
  console.log(`  ${label.padEnd(44)} ${value}`)
}

export function ms(x: number): string {
  return `${x.toFixed(2)} ms`
}

export function timingRow(label: string, t: Timing): void {
  row(label, `p50 ${ms(t.p50)}   p99 ${ms(t.p99)}   (n=${t.n})`)
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`
}
