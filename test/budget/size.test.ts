import fs from 'node:fs'
import path from 'node:path'
import { packageSizes } from '../../scripts/package-sizes'

const DIST = path.resolve(__dirname, '..', '..', 'dist')
const KiB = 1024
const MAIN_BUDGET = 600 * KiB
const SUBPACKAGE_BUDGET = 500 * KiB
/**
 * Subpackages allowed more than SUBPACKAGE_BUDGET, each for a stated reason (WeChat's own limit is 2 MiB per
 * subpackage). packages/report is 数据 alone with its chart library, @antv/f2 5.14.0: measured in the weapp build,
 * 486.3 KiB in all, of which f2 (Canvas, Chart, Interval, Line, Point, Axis) is about 470 KiB; only a worker who
 * opens 数据 downloads it, and keeping it apart keeps packages/worker at 197.9 KiB.
 */
const OWN_BUDGETS: Record<string, number> = { 'packages/report': 650 * KiB }

const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`

/** A name f2's mobile canvas renderer (@antv/g-mobile-canvas) gives one of its plugins, kept by the minifier. */
const F2_MARK = 'mobile-canvas-context-register'

const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))

describe('weapp package budget', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, 'app.json'))) {
      throw new Error('dist/ has no weapp build: run `npm run build:weapp` before the budget test')
    }
  })

  test('the main package stays within 600 KiB so that the first open is quick', () => {
    const { main } = packageSizes(DIST)
    if (main > MAIN_BUDGET)
      throw new Error(`the main package is ${kib(main)}, over its ${kib(MAIN_BUDGET)} budget`)
    expect(main).toBeGreaterThan(0)
  })

  test('every subpackage stays within 500 KiB, but for those with a budget of their own', () => {
    const { subpackages } = packageSizes(DIST)
    expect(Object.keys(subpackages).length).toBeGreaterThan(0)
    const over = Object.entries(subpackages)
      .filter(([root]) => !(root in OWN_BUDGETS))
      .filter(([, bytes]) => bytes > SUBPACKAGE_BUDGET)
      .map(([root, bytes]) => `${root} is ${kib(bytes)}`)
    if (over.length > 0)
      throw new Error(`over the ${kib(SUBPACKAGE_BUDGET)} subpackage budget: ${over.join('; ')}`)
  })

  test.each(Object.entries(OWN_BUDGETS))('%s exists and stays within its own budget', (root, budget) => {
    const bytes = packageSizes(DIST).subpackages[root]
    if (bytes === undefined) throw new Error(`the build has no subpackage ${root}: its budget names nothing`)
    if (bytes > budget) throw new Error(`${root} is ${kib(bytes)}, over its ${kib(budget)} budget`)
  })

  test('the chart library is only in the 数据 subpackage', () => {
    const holders = filesUnder(DIST)
      .filter((file) => file.endsWith('.js'))
      .filter((file) => fs.readFileSync(file, 'utf8').includes(F2_MARK))
      .map((file) => path.relative(DIST, file))
    expect(holders.length).toBeGreaterThan(0)
    expect(holders.filter((file) => !file.startsWith(`packages${path.sep}report${path.sep}`))).toEqual([])
  })
})
