/**
 * The time tests run at. Each test file's clock starts at one chosen instant and runs on from there:
 * XIAOSHE_TEST_NOW (epoch milliseconds or ISO 8601 with its offset), by default TEST_NOW, a Wednesday
 * 10:00 in Asia/Shanghai. The emulators a test starts or resets begin at the test's time
 * (helpers/emulator.ts), and the browser's pages see it too (helpers/browser.ts), so no result depends on
 * the wall clock, the weekday or the machine's time zone. `npm run test:time` runs the time-sensitive suites
 * at the awkward instants (Friday afternoon, the weekend's edges, a month's and a year's end, 29 February).
 */
import { getOffset, installClock, parseInstant, setNow } from '../../emulator/clock'

export const TEST_NOW = '2026-03-04T10:00:00+08:00'

/** The instant this run's test files start at. */
export function testStartInstant(): number {
  const text = process.env.XIAOSHE_TEST_NOW || TEST_NOW
  const instant = parseInstant(text)
  if (instant === null) {
    throw new Error(`XIAOSHE_TEST_NOW must be epoch milliseconds or ISO 8601 with its offset, not "${text}"`)
  }
  return instant
}

/** Moves this process's `Date` to the run's start instant; time flows on from there. */
export function installTestClock(): void {
  installClock()
  setNow(testStartInstant())
}

/** How far the test's clock is from the machine's, for a browser page to take the same time. */
export function testClockOffset(): number {
  return getOffset()
}
