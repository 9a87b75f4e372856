/**
 * Writes through the real SDK: update operators (with dotted paths and serverDate), set, remove, and
 * updates that match many documents.
 */
import path from 'node:path'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk, type Sdk } from '../helpers/sdk'

let emu: Emulator
let sdk: Sdk

beforeAll(async () => {
  emu = await startEmulator({ collectionsFile: path.join(__dirname, 'fixtures', 'collections.json') })
  sdk = connectSdk(emu.url)
})
afterAll(() => emu.stop())

const things = () => sdk.db.collection('things')

async function fresh(data: Record<string, unknown>): Promise<string> {
  return (await things().add({ data }))._id
}

describe('update operators', () => {
  it('inc, mul, min and max change numbers in place', async () => {
    const { _ } = sdk
    const id = await fresh({ a: 10, b: 3, c: 5, d: 5 })
    await things()
      .doc(id)
      .update({ data: { a: _.inc(-4), b: _.mul(7), c: _.min(2), d: _.max(9) } })
    expect((await things().doc(id).get()).data).toMatchObject({ a: 6, b: 21, c: 2, d: 9 })
  })

  it('plain fields and dotted paths set nested values without touching their siblings', async () => {
    const id = await fresh({ box: { w: 1, h: 2 }, name: 'x' })
    await things()
      .doc(id)
      .update({ data: { 'box.w': 7, box2: { z: 1 }, name: 'y' } })
    await things()
      .doc(id)
      .update({ data: { box: { h: 9 } } })
    expect((await things().doc(id).get()).data).toMatchObject({
      box: { w: 7, h: 9 },
      box2: { z: 1 },
      name: 'y',
    })
  })

  it('set replaces an object field whole, remove deletes a field, rename moves it', async () => {
    const { _ } = sdk
    const id = await fresh({ box: { w: 1, h: 2 }, gone: true, old: 'v' })
    await things()
      .doc(id)
      .update({ data: { box: _.set({ only: 1 }), gone: _.remove(), old: _.rename('new') } })
    const doc = (await things().doc(id).get()).data
    expect(doc.box).toEqual({ only: 1 })
    expect(doc).not.toHaveProperty('gone')
    expect(doc).not.toHaveProperty('old')
    expect(doc.new).toBe('v')
  })

  it('push, pop, shift, unshift, addToSet, pull and pullAll edit arrays', async () => {
    const { _ } = sdk
    const id = await fresh({
      a: [1, 2],
      b: [1, 2, 3],
      c: [1, 2, 3],
      d: [2],
      e: [1, 2, 1, 3],
      f: [1, 2, 3, 4],
      g: [5, 1],
    })
    await things()
      .doc(id)
      .update({
        data: {
          a: _.push([3, 4]),
          b: _.pop(),
          c: _.shift(),
          d: _.unshift([0, 1]),
          e: _.pull(1),
          f: _.pullAll([2, 4]),
          g: _.addToSet(5),
        },
      })
    await things()
      .doc(id)
      .update({ data: { g: _.addToSet(6) } })
    expect((await things().doc(id).get()).data).toMatchObject({
      a: [1, 2, 3, 4],
      b: [1, 2],
      c: [2, 3],
      d: [0, 1, 2],
      e: [2, 3],
      f: [1, 3],
      g: [5, 1, 6],
    })
  })

  it('push takes position, sort and slice', async () => {
    const { _ } = sdk
    const id = await fresh({ a: [5, 1] })
    await things()
      .doc(id)
      .update({ data: { a: _.push({ each: [3], position: 1 }) } })
    expect((await things().doc(id).get()).data.a).toEqual([5, 3, 1])
    await things()
      .doc(id)
      .update({ data: { a: _.push({ each: [4], sort: 1, slice: 3 }) } })
    expect((await things().doc(id).get()).data.a).toEqual([1, 3, 4])
  })

  it('serverDate stores the server time, with an offset', async () => {
    const before = Date.now()
    const id = await fresh({ at: sdk.db.serverDate(), later: sdk.db.serverDate({ offset: 60_000 }) })
    const doc = (await things().doc(id).get()).data
    expect(doc.at).toBeInstanceOf(Date)
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(doc.later.getTime() - doc.at.getTime()).toBe(60_000)
  })

  it('refuses an update of _id', async () => {
    const id = await fresh({ a: 1 })
    await expect(
      things()
        .doc(id)
        .update({ data: { _id: 'other' } }),
    ).rejects.toBeTruthy()
    expect((await things().doc(id).get()).data.a).toBe(1)
  })
})

describe('set, remove and many documents', () => {
  it('set replaces the whole document, and creates it when missing', async () => {
    const id = await fresh({ a: 1, b: 2 })
    await things()
      .doc(id)
      .set({ data: { c: 3 } })
    expect((await things().doc(id).get()).data).toEqual({ _id: id, c: 3 })
    await things()
      .doc('made-by-set')
      .set({ data: { d: 4 } })
    expect((await things().doc('made-by-set').get()).data).toEqual({ _id: 'made-by-set', d: 4 })
  })

  it('an update of a missing document changes nothing', async () => {
    const res = await things()
      .doc('never-was')
      .update({ data: { a: 1 } })
    expect(res.stats.updated).toBe(0)
    expect((await things().where({ _id: 'never-was' }).count()).total).toBe(0)
  })

  it('where().update() and where().remove() act on every match', async () => {
    const { _ } = sdk
    for (let i = 0; i < 5; i++) await fresh({ batch: 'b1', i })
    const upd = await things()
      .where({ batch: 'b1', i: _.gte(2) })
      .update({ data: { flag: true } })
    expect(upd.stats.updated).toBe(3)
    expect((await things().where({ batch: 'b1', flag: true }).count()).total).toBe(3)
    const rem = await things().where({ batch: 'b1' }).remove()
    expect(rem.stats.removed).toBe(5)
    expect((await things().where({ batch: 'b1' }).count()).total).toBe(0)
  })
})
