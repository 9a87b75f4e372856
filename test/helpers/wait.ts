/**
 * Waiting for a condition, never for a number of milliseconds: asks `probe` again after each turn of the
 * event loop until it answers something (e.g. what a timer wrote as the emulator's clock moved).
 */
export async function waitUntil<T>(probe: () => Promise<T | undefined>, what = 'the condition'): Promise<T> {
  for (let tries = 0; tries < 500; tries++) {
    const value = await probe()
    if (value !== undefined) return value
    await new Promise((resolve) => setImmediate(resolve))
  }
  throw new Error(`${what} never came about (500 asks)`)
}
