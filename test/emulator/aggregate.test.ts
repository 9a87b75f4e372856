/** Aggregation pipelines through the real SDK: match, group with accumulators, sort, project, count. */
import path from 'node:path'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk, type Sdk } from '../helpers/sdk'

let emu: Emulator
let sdk: Sdk

beforeAll(async () => {
  emu = await startEmulator({ collectionsFile: path.join(__dirname, 'fixtures', 'collections.json') })
  sdk = connectSdk(emu.url)
  const rows = [
    { who: 'a', delta: 5, kind: 'earn' },
    { who: 'a', delta: 10, kind: 'earn' },
    { who: 'a', delta: -3, kind: 'spend' },
    { who: 'b', delta: 7, kind: 'earn' },
    { who: 'c', delta: 1, kind: 'earn' },
  ]
  await sdk.db.collection('events').add({ data: rows })
})
afterAll(() => emu.stop())

it('groups with sum, avg, max and count, then sorts and limits', async () => {
  const { $ } = sdk
  const res = await sdk.db
    .collection('events')
    .aggregate()
    .match({ kind: 'earn' })
    .group({ _id: '$who', total: $.sum('$delta'), avg: $.avg('$delta'), top: $.max('$delta'), n: $.sum(1) })
    .sort({ total: -1 })
    .limit(2)
    .end()
  expect(res.list).toEqual([
    { _id: 'a', total: 15, avg: 7.5, top: 10, n: 2 },
    { _id: 'b', total: 7, avg: 7, top: 7, n: 1 },
  ])
})

it('projects computed fields and counts', async () => {
  const { $ } = sdk
  const projected = await sdk.db
    .collection('events')
    .aggregate()
    .match({ who: 'a' })
    .project({ _id: 0, who: 1, double: $.multiply(['$delta', 2]) })
    .end()
  expect(
    projected.list.map((r: { double: number }) => r.double).sort((x: number, y: number) => x - y),
  ).toEqual([-6, 10, 20])
  const counted = await sdk.db.collection('events').aggregate().match({ kind: 'spend' }).count('n').end()
  expect(counted.list).toEqual([{ n: 1 }])
})
