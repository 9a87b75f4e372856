/**
 * Aggregation pipelines through the real SDK: match, group with accumulators, sort, project, count, and
 * lookup from a named collection in both of CloudBase's forms.
 */
import path from 'node:path'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk, rejection, type Sdk } from '../helpers/sdk'

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
  await sdk.db.collection('accounts').add({
    data: [
      { _id: 'a', name: '王阿姨', balance: 12 },
      { _id: 'b', name: '李师傅', balance: 7 },
    ],
  })
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

describe('lookup', () => {
  it('joins a named collection by localField and foreignField', async () => {
    const res = await sdk.db
      .collection('events')
      .aggregate()
      .match({ kind: 'earn' })
      .lookup({ from: 'accounts', localField: 'who', foreignField: '_id', as: 'account' })
      .project({ _id: 0, who: 1, delta: 1, account: 1 })
      .sort({ delta: 1 })
      .end()
    expect(res.list).toEqual([
      { who: 'c', delta: 1, account: [] },
      { who: 'a', delta: 5, account: [{ _id: 'a', name: '王阿姨', balance: 12 }] },
      { who: 'b', delta: 7, account: [{ _id: 'b', name: '李师傅', balance: 7 }] },
      { who: 'a', delta: 10, account: [{ _id: 'a', name: '王阿姨', balance: 12 }] },
    ])
  })

  it('joins with let and a pipeline that uses the variables', async () => {
    const { _, $ } = sdk
    const res = await sdk.db
      .collection('accounts')
      .aggregate()
      .lookup({
        from: 'events',
        let: { id: '$_id', floor: 6 },
        pipeline: $.pipeline()
          .match(_.expr($.and([$.eq(['$who', '$$id']), $.gte(['$delta', '$$floor'])])))
          .project({ _id: 0, delta: 1 })
          .done(),
        as: 'big',
      })
      .project({ _id: 1, big: 1 })
      .sort({ _id: 1 })
      .end()
    expect(res.list).toEqual([
      { _id: 'a', big: [{ delta: 10 }] },
      { _id: 'b', big: [{ delta: 7 }] },
    ])
  })

  it('joins nothing from a collection that does not exist, as MongoDB does', async () => {
    const res = await sdk.db
      .collection('accounts')
      .aggregate()
      .lookup({ from: 'never_made', localField: '_id', foreignField: 'who', as: 'none' })
      .project({ _id: 1, none: 1 })
      .sort({ _id: 1 })
      .end()
    expect(res.list).toEqual([
      { _id: 'a', none: [] },
      { _id: 'b', none: [] },
    ])
  })

  it('reads committed data when run from a transaction, which the SDK does not attach to aggregate()', async () => {
    const joined = await sdk.db.runTransaction(async (t: Sdk['db']) => {
      await t
        .collection('accounts')
        .doc('b')
        .update({ data: { name: '未提交' } })
      const res = await t
        .collection('events')
        .aggregate()
        .match({ who: 'b' })
        .lookup({ from: 'accounts', localField: 'who', foreignField: '_id', as: 'account' })
        .end()
      return res.list[0].account[0].name
    })
    expect(joined).toBe('李师傅')
    expect((await sdk.db.collection('accounts').doc('b').get()).data.name).toBe('未提交')
  })
})

describe('expression operators', () => {
  it('truncates with trunc given one number, as MongoDB accepts it', async () => {
    const { $ } = sdk
    const res = await sdk.db
      .collection('events')
      .aggregate()
      .match({ who: 'b' })
      .project({ _id: 0, t: $.trunc($.divide(['$delta', 2])) })
      .end()
    expect(res.list).toEqual([{ t: 3 }])
  })

  it('names an expression operator the emulator lacks', async () => {
    const { $ } = sdk
    const err = await rejection(
      sdk.db
        .collection('events')
        .aggregate()
        .project({ i: $.indexOfCP(['$who', 'a']) })
        .end(),
    )
    expect(String(err.errMsg ?? err.message)).toMatch(
      /aggregation operator \$indexOfCP is not supported by the local emulator/,
    )
  })
})
