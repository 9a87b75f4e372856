/**
 * The instants and time zones the time check runs the time-sensitive suites at (`npm test` runs them after
 * the whole suite; `npm run test:time` runs only them). Each is an input the tests own: the emulators, the
 * test processes and the browser all take the instant (XIAOSHE_TEST_NOW) and the zone (XIAOSHE_TEST_TZ),
 * so a result that changes here depends on the day or the zone, which no rule of the product allows.
 */
export interface TimeCase {
  label: string
  /** ISO 8601 with the offset, Asia/Shanghai's own. */
  now: string
  /** The time zone of the test process, the emulator and the browser. */
  tz: string
}

export const TIME_CASES: TimeCase[] = [
  { label: 'Friday 13:00', now: '2026-12-04T13:00:00+08:00', tz: 'UTC' },
  { label: 'Saturday 23:59', now: '2026-12-05T23:59:00+08:00', tz: 'America/Los_Angeles' },
  { label: 'Sunday 00:00', now: '2026-12-06T00:00:00+08:00', tz: 'UTC' },
  { label: 'the last day of a month, 22:00', now: '2026-04-30T22:00:00+08:00', tz: 'America/Los_Angeles' },
  { label: '31 December 23:30', now: '2026-12-31T23:30:00+08:00', tz: 'UTC' },
  { label: '29 February', now: '2028-02-29T10:00:00+08:00', tz: 'America/Los_Angeles' },
]

/** The suites whose outcome could hang on the day or the hour. */
export const TIME_SENSITIVE = [
  'test/authorization/',
  'test/functions/activities.test.ts',
  'test/functions/activities-find.test.ts',
  'test/functions/needs.test.ts',
  'test/functions/mall.test.ts',
  'test/functions/system-invariants.test.ts',
  'test/functions/report.test.ts',
  'test/functions/corners.test.ts',
  'test/browser/corners-activity.test.ts',
  'test/browser/standalone-activity.test.ts',
  'test/pages/activity-phase.test.tsx',
  'test/pages/time-shown.test.tsx',
]
