/**
 * The emulator answers wx-server-sdk's queries as CloudBase does: every command operator, order, skip,
 * limit, projection and count, through the real SDK.
 */
import path from 'node:path'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk, rejection, type Sdk } from '../helpers/sdk'

let emu: Emulator
let sdk: Sdk

const THINGS = [
  { _id: 't1', kind: 'fruit', name: 'apple', n: 5, tags: ['red', 'sweet'], box: { w: 1 }, at: 100 },
  { _id: 't2', kind: 'fruit', name: 'banana', n: 12, tags: ['yellow'], box: { w: 3 }, at: 200 },
  { _id: 't3', kind: 'veg', name: 'carrot', n: 7, tags: ['orange', 'sweet'], box: { w: 2 }, at: 300 },
  { _id: 't4', kind: 'veg', name: 'Daikon', n: 1, tags: [], at: 400 },
  {
    _id: 't5',
    kind: 'grain',
    name: 'rice',
    n: 20,
    tags: ['white'],
    box: { w: 5 },
    items: [{ q: 1 }, { q: 9 }],
    at: 500,
  },
]

beforeAll(async () => {
  emu = await startEmulator({ collectionsFile: path.join(__dirname, 'fixtures', 'collections.json') })
  sdk = connectSdk(emu.url)
  for (const t of THINGS) await sdk.db.collection('things').add({ data: t })
})
afterAll(() => emu.stop())

const ids = (res: { data: Array<{ _id: string }> }) => res.data.map((d) => d._id).sort()
const things = () => sdk.db.collection('things')

describe('comparison operators', () => {
  it('eq, neq, lt, lte, gt and gte select by value', async () => {
    const { _ } = sdk
    expect(
      ids(
        await things()
          .where({ n: _.eq(5) })
          .get(),
      ),
    ).toEqual(['t1'])
    expect(
      ids(
        await things()
          .where({ kind: _.neq('fruit') })
          .get(),
      ),
    ).toEqual(['t3', 't4', 't5'])
    expect(
      ids(
        await things()
          .where({ n: _.lt(7) })
          .get(),
      ),
    ).toEqual(['t1', 't4'])
    expect(
      ids(
        await things()
          .where({ n: _.lte(7) })
          .get(),
      ),
    ).toEqual(['t1', 't3', 't4'])
    expect(
      ids(
        await things()
          .where({ n: _.gt(7) })
          .get(),
      ),
    ).toEqual(['t2', 't5'])
    expect(
      ids(
        await things()
          .where({ n: _.gte(12).and(_.lt(20)) })
          .get(),
      ),
    ).toEqual(['t2'])
  })

  it('in and nin select by membership', async () => {
    const { _ } = sdk
    expect(
      ids(
        await things()
          .where({ kind: _.in(['veg', 'grain']) })
          .get(),
      ),
    ).toEqual(['t3', 't4', 't5'])
    expect(
      ids(
        await things()
          .where({ kind: _.nin(['veg', 'grain']) })
          .get(),
      ),
    ).toEqual(['t1', 't2'])
  })
})

describe('logical operators', () => {
  it('and, or and nor combine conditions, also across fields', async () => {
    const { _ } = sdk
    expect(
      ids(
        await things()
          .where(_.or([{ n: _.lt(2) }, { kind: 'grain' }]))
          .get(),
      ),
    ).toEqual(['t4', 't5'])
    expect(
      ids(
        await things()
          .where(_.and([{ kind: 'fruit' }, { n: _.gt(6) }]))
          .get(),
      ),
    ).toEqual(['t2'])
    expect(
      ids(
        await things()
          .where({ n: _.lt(3).or(_.gt(15)) })
          .get(),
      ),
    ).toEqual(['t4', 't5'])
    expect(
      ids(
        await things()
          .where(_.nor([{ kind: 'fruit' }, { kind: 'veg' }]))
          .get(),
      ),
    ).toEqual(['t5'])
    expect(
      ids(
        await things()
          .where({ n: _.not(_.gt(6)) })
          .get(),
      ),
    ).toEqual(['t1', 't4'])
  })
})

describe('element, array and text operators', () => {
  it('exists, size, all and elemMatch look into fields and arrays', async () => {
    const { _ } = sdk
    expect(
      ids(
        await things()
          .where({ box: _.exists(false) })
          .get(),
      ),
    ).toEqual(['t4'])
    expect(
      ids(
        await things()
          .where({ tags: _.size(2) })
          .get(),
      ),
    ).toEqual(['t1', 't3'])
    expect(
      ids(
        await things()
          .where({ tags: _.all(['sweet', 'red']) })
          .get(),
      ),
    ).toEqual(['t1'])
    expect(
      ids(
        await things()
          .where({ items: _.elemMatch({ q: _.gt(5) }) })
          .get(),
      ),
    ).toEqual(['t5'])
    expect(ids(await things().where({ tags: 'sweet' }).get())).toEqual(['t1', 't3'])
  })

  it('regular expressions match, with flags, written either way', async () => {
    expect(ids(await things().where({ name: /^d/i }).get())).toEqual(['t4'])
    expect(
      ids(
        await things()
          .where({ name: sdk.db.RegExp({ regexp: 'an', options: '' }) })
          .get(),
      ),
    ).toEqual(['t2'])
  })

  it('nested fields are reached by dotted paths and by nested objects', async () => {
    const { _ } = sdk
    expect(
      ids(
        await things()
          .where({ 'box.w': _.gte(3) })
          .get(),
      ),
    ).toEqual(['t2', 't5'])
    expect(
      ids(
        await things()
          .where({ box: { w: 2 } })
          .get(),
      ),
    ).toEqual(['t3'])
  })
})

describe('order, skip, limit, field and count', () => {
  it('orders by several keys, skips and limits', async () => {
    const res = await things().orderBy('kind', 'asc').orderBy('n', 'desc').skip(1).limit(3).get()
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['t1', 't5', 't3'])
  })

  it('returns only the projected fields (and _id)', async () => {
    const res = await things().where({ _id: 't1' }).field({ name: true }).get()
    expect(res.data).toEqual([{ _id: 't1', name: 'apple' }])
  })

  it('keeps the later of a document and a field inside it when a projection names both, as CloudBase does', async () => {
    const fieldLast = await things()
      .where({ _id: 't5' })
      .field({ box: true, 'items.q': true, items: true })
      .get()
    expect(fieldLast.data).toEqual([{ _id: 't5', box: { w: 5 }, items: [{ q: 1 }, { q: 9 }] }])
    const documentFirst = await things().where({ _id: 't5' }).field({ items: true, 'items.q': true }).get()
    expect(documentFirst.data).toEqual([{ _id: 't5', items: [{ q: 1 }, { q: 9 }] }])
    const nested = await things()
      .where({ _id: 't1' })
      .field({ box: true, 'box.w': true, 'box.h': true })
      .get()
    expect(nested.data).toEqual([{ _id: 't1', box: { w: 1 } }])
    const excluded = await things()
      .where({ _id: 't1' })
      .field({ 'box.w': false, box: false, tags: false })
      .get()
    expect(excluded.data).toEqual([{ _id: 't1', kind: 'fruit', name: 'apple', n: 5, at: 100 }])
  })

  it('limits a server read to 100 documents by default', async () => {
    const bulk = Array.from({ length: 130 }, (_v, i) => ({ kind: 'bulk', n: i, at: i }))
    await sdk.db.collection('events').add({ data: bulk })
    expect((await sdk.db.collection('events').where({ kind: 'bulk' }).get()).data).toHaveLength(100)
    expect((await sdk.db.collection('events').where({ kind: 'bulk' }).count()).total).toBe(130)
  })

  it('counts what a query matches', async () => {
    expect((await things().where({ kind: 'veg' }).count()).total).toBe(2)
  })
})

describe('documents by id', () => {
  it('reads a document by id, and refuses a missing one', async () => {
    expect((await things().doc('t3').get()).data.name).toBe('carrot')
    const err = await rejection(things().doc('nope').get())
    expect(String(err.errMsg ?? err.message)).toMatch(/does not exist/)
  })

  it('refuses a second document with the same _id', async () => {
    const err = await rejection(things().add({ data: { _id: 't1', name: 'again' } }))
    expect(String(err.errMsg ?? err.message)).toMatch(/duplicate key/)
    expect((await things().doc('t1').get()).data.name).toBe('apple')
  })

  it('gives new documents an id when none is given', async () => {
    const { _id } = await things().add({ data: { kind: 'new', n: 0 } })
    expect(_id).toMatch(/^[0-9a-f]{32}$/)
    await things().doc(_id).remove()
  })
})

describe('missing collections', () => {
  it('answers errCode -502005 for a collection that does not exist', async () => {
    const err = await rejection(sdk.db.collection('no_such_collection').get())
    expect(err.errCode).toBe(-502005)
    const err2 = await rejection(sdk.db.collection('no_such_collection').add({ data: { a: 1 } }))
    expect(err2.errCode).toBe(-502005)
  })

  it('creates a collection on request, after which it can be used', async () => {
    await sdk.db.createCollection('made_later')
    await sdk.db.collection('made_later').add({ data: { a: 1 } })
    expect((await sdk.db.collection('made_later').count()).total).toBe(1)
  })
})
