import fs from 'node:fs'
import path from 'node:path'
import { packageSizes } from '../../scripts/package-sizes'

const DIST = path.resolve(__dirname, '..', '..', 'dist')
const KiB = 1024
const MAIN_BUDGET = 600 * KiB
const SUBPACKAGE_BUDGET = 500 * KiB

const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`

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

  test('every subpackage stays within 500 KiB', () => {
    const { subpackages } = packageSizes(DIST)
    expect(Object.keys(subpackages).length).toBeGreaterThan(0)
    const over = Object.entries(subpackages)
      .filter(([, bytes]) => bytes > SUBPACKAGE_BUDGET)
      .map(([root, bytes]) => `${root} is ${kib(bytes)}`)
    if (over.length > 0)
      throw new Error(`over the ${kib(SUBPACKAGE_BUDGET)} subpackage budget: ${over.join('; ')}`)
  })
})
