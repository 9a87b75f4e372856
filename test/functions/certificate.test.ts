/**
 * The `certificate` function over /fn (志愿服务证明): the record of a person's confirmed service by year, paged
 * and merged from needs, activities and visits; a certificate's hours equal the confirmed records of its period
 * and unconfirmed service never counts; anyone verifies a serial and learns nothing but the masked name, the
 * hours, the period and whether it stands; wrong serials are limited; only workers revoke, and only the holder
 * lists their own.
 */
import type { VisitRecord } from '../../types/care'
import type { Certificate, CertificateCheck, ServiceRecord } from '../../types/certificate'
import { isSerial } from '../../types/certificate'
import type { Page } from '../../types/envelope'
import type { NeedRecord, SignupRecord } from '../../types/records'
import { serviceFromRecords } from '../../types/service'
import { shanghaiDay } from '../../types/time'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import { readAll } from '../helpers/invariants'
import type { Sdk } from '../helpers/sdk'
import { clientUpload } from '../helpers/storage'
import { encodePng } from '../../emulator/png'
import { postErrand, snapshotCollections } from '../helpers/snapshots'

const VOLUNTEER = 'demo-volunteer-zhang'
const OTHER_VOLUNTEER = 'demo-volunteer-chen'
const RESIDENT = 'demo-resident-li'
const WORKER = 'demo-worker-liu'
const STRANGER = 'never-seen-before'
const DAY = 86_400_000

let emu: Emulator
let sdk: Sdk

startEmulatorForFile({ seed: 'none', reset: 'demo' }, (started, connected) => {
  emu = started
  sdk = connected
})

const cert = <T>(data: object, openid?: string) => emu.call<T>('certificate', data, openid)
const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`)

/** The confirmed totals of `openid` recomputed from every record confirmed within [from, to] (Beijing days). */
async function recordsTotals(openid: string, from: string, to: string) {
  const lo = dayStart(from)
  const hi = dayStart(to) + DAY
  const within = (t: number | null) => t !== null && t >= lo && t < hi
  const [needs, signups, visits] = await Promise.all([
    readAll<NeedRecord>(sdk, 'needs'),
    readAll<SignupRecord>(sdk, 'signups'),
    readAll<VisitRecord>(sdk, 'care_visits'),
  ])
  return serviceFromRecords(openid, {
    needs: needs.filter((n) => n.status !== 'confirmed' || within(n.confirmedAt ?? null)),
    signups: signups.filter((s) => s.state !== 'confirmed' || within(s.confirmedAt)),
    visits: visits.filter((v) => v.status !== 'confirmed' || within(v.confirmedAt)),
  })
}

async function issue(openid: string, from: string, to: string) {
  return cert<Certificate>({ action: 'issue', period: { from, to } }, openid)
}

/** A need of RESIDENT served by VOLUNTEER for `minutes`, left done (not confirmed). */
async function doneNeed(minutes: number): Promise<string> {
  const id = await postErrand(emu, RESIDENT)
  await emu.call('needs', { action: 'review', id, approve: true }, WORKER)
  await emu.call('needs', { action: 'claim', id }, VOLUNTEER)
  expect(await emu.call('needs', { action: 'complete', id, minutes }, VOLUNTEER)).toMatchObject({ ok: true })
  return id
}

describe('hours', () => {
  it('gives each certificate the hours of the confirmed records in its period, for every volunteer', async () => {
    const now = await emu.now()
    const today = shanghaiDay(now)
    const periods = [
      [shanghaiDay(now - 400 * DAY), today],
      [shanghaiDay(now - 7 * DAY), today],
      [shanghaiDay(now - 30 * DAY), shanghaiDay(now - 2 * DAY)],
    ]
    let issued = 0
    for (const openid of [VOLUNTEER, OTHER_VOLUNTEER]) {
      for (const [from, to] of periods) {
        const expected = await recordsTotals(openid, from, to)
        const res = await issue(openid, from, to)
        if (expected.minutes === 0) {
          expect(res).toMatchObject({ ok: false, code: 'failed-precondition' })
          continue
        }
        expect(res).toMatchObject({ ok: true })
        issued++
        expect(res.data).toMatchObject({
          period: { from, to },
          total: expected.minutes,
          minutes: { need: expected.need, activity: expected.activity, visit: expected.visit },
          status: 'valid',
        })
        expect(isSerial(res.data!.serial)).toBe(true)
      }
    }
    // The seed holds confirmed service for these volunteers: the test checked real certificates.
    expect(issued).toBeGreaterThan(0)
  })

  it('never counts unconfirmed service, and counts a need once its requester confirms it', async () => {
    const now = await emu.now()
    const from = shanghaiDay(now - 400 * DAY)
    const today = shanghaiDay(now)
    const before = (await issue(VOLUNTEER, from, today)).data!
    const id = await doneNeed(95)
    const done = (await issue(VOLUNTEER, from, today)).data!
    expect(done.total).toBe(before.total)
    expect(done.minutes.need).toBe(before.minutes.need)
    const year = Number(today.slice(0, 4))
    const listed = await cert<Page<ServiceRecord>>({ action: 'records', year, limit: 20 }, VOLUNTEER)
    expect(listed.data!.items.map((r) => r.id)).not.toContain(id)

    await emu.call('needs', { action: 'confirm', id, rating: 5 }, RESIDENT)
    const after = (await issue(VOLUNTEER, from, today)).data!
    expect(after.total).toBe(before.total + 95)
    expect(after.minutes.need).toBe(before.minutes.need + 95)
    expect(after.total).toBe((await recordsTotals(VOLUNTEER, from, today)).minutes)
    const first = (await cert<Page<ServiceRecord>>({ action: 'records', year, limit: 1 }, VOLUNTEER)).data!
    expect(first.items[0]).toMatchObject({ id, kind: 'need', minutes: 95, where: '邻里互助' })
    // Never the resident's address or phone.
    expect(JSON.stringify(first.items[0])).not.toMatch(/槐中路社区2栋|13503110007|取快递/)
  })
})

describe('confirmation time', () => {
  it('places a need in the period it was confirmed in, even when its photo is taken away days later', async () => {
    const photo = await clientUpload(
      emu,
      `user/${RESIDENT}/tap.png`,
      encodePng(8, 8, (x, y) => [x * 30, y * 30, 90]),
      RESIDENT,
    )
    const made = await emu.call<{ id: string; photos: { id: string }[] }>(
      'needs',
      {
        action: 'create',
        category: 'repair',
        title: '水龙头漏水',
        description: '厨房水龙头一直滴水，请帮忙看看。',
        address: '槐中路社区2栋2单元201',
        contactPhone: '13503110007',
        photos: [photo],
      },
      RESIDENT,
    )
    expect(made).toMatchObject({ ok: true })
    const id = made.data!.id
    await emu.call('needs', { action: 'review', id, approve: true }, WORKER)
    await emu.call('needs', { action: 'claim', id }, VOLUNTEER)
    await emu.call('needs', { action: 'complete', id, minutes: 70 }, VOLUNTEER)
    expect(await emu.call('needs', { action: 'confirm', id, rating: 5 }, RESIDENT)).toMatchObject({
      ok: true,
    })
    const confirmedOn = shanghaiDay(await emu.now())
    const from = shanghaiDay((await emu.now()) - 400 * DAY)
    const before = (await issue(VOLUNTEER, from, confirmedOn)).data!

    await emu.advanceClock(3 * DAY)
    const stored = await sdk.db.collection('needs').doc(id).get()
    const photoId = (stored.data as NeedRecord).photos![0].id
    expect(await emu.call('needs', { action: 'removePhoto', id, photoId }, RESIDENT)).toMatchObject({
      ok: true,
    })
    const after = (await sdk.db.collection('needs').doc(id).get()).data as NeedRecord
    expect(after.updatedAt).toBeGreaterThan(after.confirmedAt!)

    // The same period still holds the need's 70 minutes, and the days since hold none of them.
    const again = (await issue(VOLUNTEER, from, confirmedOn)).data!
    expect(again.total).toBe(before.total)
    expect(again.total).toBe((await recordsTotals(VOLUNTEER, from, confirmedOn)).minutes)
    const today = shanghaiDay(await emu.now())
    const since = shanghaiDay(Date.parse(`${confirmedOn}T00:00:00+08:00`) + DAY)
    const later = await issue(VOLUNTEER, since, today)
    const laterTotals = await recordsTotals(VOLUNTEER, since, today)
    if (laterTotals.minutes === 0) expect(later).toMatchObject({ ok: false, code: 'failed-precondition' })
    else expect(later.data!.minutes.need).toBe(laterTotals.need)
    const year = Number(confirmedOn.slice(0, 4))
    const listed = await cert<Page<ServiceRecord>>({ action: 'records', year, limit: 20 }, VOLUNTEER)
    expect(listed.data!.items.find((r) => r.id === id)).toMatchObject({ at: after.confirmedAt, minutes: 70 })
  })

  it('gives every confirmed need of the demo the instant it was confirmed', async () => {
    const needs = await readAll<NeedRecord>(sdk, 'needs')
    const confirmed = needs.filter((n) => n.status === 'confirmed')
    expect(confirmed.length).toBeGreaterThan(0)
    for (const n of confirmed) expect(n.confirmedAt).toEqual(expect.any(Number))
  })
})

describe('records', () => {
  it('pages a year of records newest first, each once, adding up to the confirmed records of the year', async () => {
    const now = await emu.now()
    for (const minutes of [30, 45, 60]) {
      const id = await doneNeed(minutes)
      await emu.call('needs', { action: 'confirm', id, rating: 4 }, RESIDENT)
      await emu.advanceClock(60_000)
    }
    const year = Number(shanghaiDay(now).slice(0, 4))
    const items: ServiceRecord[] = []
    let cursor: string | null | undefined
    let pages = 0
    do {
      const res = await cert<Page<ServiceRecord>>(
        { action: 'records', year, limit: 2, ...(cursor ? { cursor } : {}) },
        VOLUNTEER,
      )
      expect(res).toMatchObject({ ok: true })
      expect(res.data!.items.length).toBeLessThanOrEqual(2)
      items.push(...res.data!.items)
      cursor = res.data!.nextCursor
      pages++
    } while (cursor && pages < 100)
    expect(new Set(items.map((r) => r.id)).size).toBe(items.length)
    for (let i = 1; i < items.length; i++) expect(items[i - 1].at).toBeGreaterThanOrEqual(items[i].at)
    for (const r of items) {
      expect(shanghaiDay(r.at).slice(0, 4)).toBe(String(year))
      expect(r.confirmedBy).not.toBe('')
    }
    const expected = await recordsTotals(VOLUNTEER, `${year}-01-01`, `${year}-12-31`)
    expect(items.reduce((s, r) => s + r.minutes, 0)).toBe(expected.minutes)
    expect(items.filter((r) => r.kind === 'need').length).toBeGreaterThanOrEqual(3)
    const other = await cert<Page<ServiceRecord>>({ action: 'records', year: year - 5 }, VOLUNTEER)
    expect(other.data).toEqual({ items: [], nextCursor: null })
  })
})

describe('issuing', () => {
  it('refuses a person without a real name in plain Chinese, storing nothing', async () => {
    const now = await emu.now()
    const before = await snapshotCollections(sdk, ['certificates'])
    const res = await issue(RESIDENT, shanghaiDay(now - 30 * DAY), shanghaiDay(now))
    expect(res).toMatchObject({ ok: false, code: 'failed-precondition' })
    expect(res.message).toMatch(/真实姓名/)
    expect(await snapshotCollections(sdk, ['certificates'])).toEqual(before)
  })

  it('refuses periods that end before they start, end after today or name a day that does not exist', async () => {
    const now = await emu.now()
    const before = await snapshotCollections(sdk, ['certificates'])
    const today = shanghaiDay(now)
    const tomorrow = shanghaiDay(now + DAY)
    for (const [from, to] of [
      [today, shanghaiDay(now - DAY)],
      [today, tomorrow],
      ['2025-02-30', today],
      ['昨天', today],
    ]) {
      const res = await issue(VOLUNTEER, from, to)
      expect(res).toMatchObject({ ok: false, code: 'invalid-argument' })
      expect(res.message).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(await snapshotCollections(sdk, ['certificates'])).toEqual(before)
  })

  it('draws serials that differ and carry a check digit', async () => {
    const now = await emu.now()
    const serials = new Set<string>()
    for (let i = 0; i < 5; i++)
      serials.add((await issue(VOLUNTEER, shanghaiDay(now - 400 * DAY), shanghaiDay(now))).data!.serial)
    expect(serials.size).toBe(5)
    for (const s of serials) {
      expect(isSerial(s)).toBe(true)
      const wrongCheck = s.slice(0, -1) + String((Number(s.slice(-1)) + 1) % 10)
      expect(isSerial(wrongCheck)).toBe(false)
    }
  })
})

describe('verifying and revoking', () => {
  async function issued(): Promise<Certificate> {
    const now = await emu.now()
    const res = await issue(VOLUNTEER, shanghaiDay(now - 400 * DAY), shanghaiDay(now))
    expect(res).toMatchObject({ ok: true })
    return res.data!
  }

  it('shows anyone, anonymous too, nothing but the masked name, the hours, the period and the status', async () => {
    const c = await issued()
    for (const who of [undefined, STRANGER, RESIDENT]) {
      const res = await cert<CertificateCheck>({ action: 'verify', serial: c.serial }, who)
      expect(res).toMatchObject({ ok: true })
      expect(Object.keys(res.data!).sort()).toEqual([
        'minutes',
        'nameMasked',
        'period',
        'serial',
        'status',
        'total',
      ])
      expect(res.data).toEqual({
        serial: c.serial,
        status: 'valid',
        nameMasked: expect.stringContaining('*'),
        period: c.period,
        minutes: c.minutes,
        total: c.total,
      })
      expect(res.data!.nameMasked).not.toBe(c.realName)
      expect(JSON.stringify(res.data)).not.toContain(c.phoneMasked.slice(-4))
    }
  })

  it('answers not-found for a serial never issued, and limits wrong serials', async () => {
    const c = await issued()
    const never = ['XS-2026-00000000-0', 'XS-2026-12345678-9', 'nonsense']
    for (const serial of never) {
      const res = await cert({ action: 'verify', serial }, STRANGER)
      expect(res).toMatchObject({ ok: false, code: 'not-found' })
    }
    for (let i = never.length; i < 9; i++)
      expect(await cert({ action: 'verify', serial: `XS-2026-0000000${i}-0` }, STRANGER)).toMatchObject({
        code: 'not-found',
      })
    // The tenth miss locks; then even a right serial is refused until the window passes.
    expect(await cert({ action: 'verify', serial: 'XS-2026-99999999-0' }, STRANGER)).toMatchObject({
      ok: false,
      code: 'failed-precondition',
    })
    const locked = await cert({ action: 'verify', serial: c.serial }, STRANGER)
    expect(locked).toMatchObject({ ok: false, code: 'failed-precondition' })
    expect(locked.message).toMatch(/分钟后再试/)
    // Another caller is not locked by the stranger's misses.
    expect(await cert({ action: 'verify', serial: c.serial }, RESIDENT)).toMatchObject({ ok: true })
    await emu.advanceClock(11 * 60_000)
    expect(await cert({ action: 'verify', serial: c.serial }, STRANGER)).toMatchObject({ ok: true })
  })

  it('lets a worker revoke with a checked reason, after which it verifies as revoked; nobody else revokes and a refusal changes nothing', async () => {
    const c = await issued()
    const before = await snapshotCollections(sdk, ['certificates'])
    for (const who of [VOLUNTEER, OTHER_VOLUNTEER, RESIDENT, STRANGER]) {
      const res = await cert({ action: 'revoke', serial: c.serial, reason: '时长有误' }, who)
      expect(res).toMatchObject({ ok: false, code: 'permission-denied' })
    }
    expect(await cert({ action: 'revoke', serial: c.serial, reason: '时长有误' })).toMatchObject({
      ok: false,
      code: 'unauthenticated',
    })
    const risky = await cert({ action: 'revoke', serial: c.serial, reason: '代\u200b开发票' }, WORKER)
    expect(risky).toMatchObject({ ok: false, code: 'content-rejected' })
    expect(await snapshotCollections(sdk, ['certificates'])).toEqual(before)

    const revoked = await cert<Certificate>(
      { action: 'revoke', serial: c.serial, reason: '时长有误' },
      WORKER,
    )
    expect(revoked.data).toMatchObject({ status: 'revoked', revokeReason: '时长有误' })
    const check = await cert<CertificateCheck>({ action: 'verify', serial: c.serial })
    expect(check.data).toMatchObject({ status: 'revoked', total: c.total })
    expect(await cert({ action: 'revoke', serial: c.serial, reason: '再次' }, WORKER)).toMatchObject({
      code: 'failed-precondition',
    })
    expect(
      await cert({ action: 'revoke', serial: 'XS-2026-00000000-0', reason: '无' }, WORKER),
    ).toMatchObject({
      code: 'not-found',
    })
  })

  it('lists a holder their own certificates only, newest first', async () => {
    const first = await issued()
    await emu.advanceClock(60_000)
    const second = await issued()
    const mine = await cert<Page<Certificate>>({ action: 'mine' }, VOLUNTEER)
    expect(mine.data!.items.map((c) => c.serial)).toEqual([second.serial, first.serial])
    const paged = await cert<Page<Certificate>>({ action: 'mine', limit: 1 }, VOLUNTEER)
    expect(paged.data!.items.map((c) => c.serial)).toEqual([second.serial])
    const rest = await cert<Page<Certificate>>(
      { action: 'mine', limit: 1, cursor: paged.data!.nextCursor },
      VOLUNTEER,
    )
    expect(rest.data!.items.map((c) => c.serial)).toEqual([first.serial])
    for (const who of [STRANGER, OTHER_VOLUNTEER, WORKER])
      expect((await cert<Page<Certificate>>({ action: 'mine' }, who)).data).toEqual({
        items: [],
        nextCursor: null,
      })
  })
})
