/**
 * Covers of 街头公益角, projects and activities (corners.setCover, corners.setProjectCover, activities.setCover):
 * only social workers set them, from their own uploads, through the image check; a cover is public, shown in
 * the lists and pages through a temporary URL; replacing or removing one deletes its file; refusals change
 * nothing and store nothing. The poster takes the activity's cover, else its project's, else its corner's.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Activity, ActivityListing, PosterCode } from '../../types/activities'
import type { Corner, CornerDetail, Project, ProjectDetail } from '../../types/corners'
import type { Page } from '../../types/envelope'
import { IMAGE_RISK_MARKER } from '../../emulator/openapi'
import { encodePng } from '../../emulator/png'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import { connectSdk } from '../helpers/sdk'
import { clientUpload, fetchBytes, fetchUrl, tempUrl } from '../helpers/storage'

const WORKER = 'demo-worker-liu'
const RESIDENT = 'demo-resident-li'
const VOLUNTEER = 'demo-volunteer-zhang'
const CORNER = 'corner-shiji-park'
const PROJECT = 'project-xiaohongmao'
const ACTIVITY = 'demo-act-xiaohongmao-1' // of PROJECT, at CORNER

const picture = (seed: number, text: Record<string, string> = {}) =>
  encodePng(16, 9, (x, y) => [(seed * 41 + x * 9) & 255, (seed * 23 + y * 11) & 255, (seed * 7) & 255], text)

let emu: Emulator
let upload = 0

startEmulatorForFile({ seed: 'none', reset: 'demo' }, (started) => {
  emu = started
})

/** Uploads `bytes` into `openid`'s own folder, as the app does. */
const uploadAs = (openid: string, bytes: Buffer) =>
  clientUpload(emu, `user/${openid}/cover-${++upload}.png`, bytes, openid)

/** How many files the storage keeps (blobs in the emulator's data directory). */
const storedFiles = () => fs.readdirSync(path.join(emu.dataDir, 'storage')).length

/** The file ID a record keeps as its cover (read as the admin), or null. */
async function coverOf(collection: string, id: string): Promise<string | null> {
  const res = await connectSdk(emu.url).db.collection(collection).doc(id).get()
  return ((res.data as { cover?: string | null }).cover ?? null) as string | null
}

interface Kind {
  name: string
  fn: 'corners' | 'activities'
  action: string
  collection: string
  id: string
  /** The cover's URL as the public sees it now (anonymous), or null. */
  shown: () => Promise<string | null>
}

const KINDS: Kind[] = [
  {
    name: 'a corner',
    fn: 'corners',
    action: 'setCover',
    collection: 'corners',
    id: CORNER,
    shown: async () => {
      const list = await emu.call<{ items: Corner[] }>('corners', { action: 'list' })
      const detail = await emu.call<CornerDetail>('corners', { action: 'get', id: CORNER })
      const inList = list.data!.items.find((c) => c.id === CORNER)!.coverUrl
      expect(Boolean(inList)).toBe(Boolean(detail.data!.corner.coverUrl))
      return detail.data!.corner.coverUrl
    },
  },
  {
    name: 'a project',
    fn: 'corners',
    action: 'setProjectCover',
    collection: 'projects',
    id: PROJECT,
    shown: async () => {
      const detail = await emu.call<CornerDetail>('corners', { action: 'get', id: CORNER })
      const page = await emu.call<ProjectDetail>('corners', { action: 'getProject', id: PROJECT })
      const inList = detail.data!.projects.find((p) => p.id === PROJECT)!.coverUrl
      expect(Boolean(inList)).toBe(Boolean(page.data!.project.coverUrl))
      return page.data!.project.coverUrl
    },
  },
  {
    name: 'an activity',
    fn: 'activities',
    action: 'setCover',
    collection: 'activities',
    id: ACTIVITY,
    shown: async () => {
      const found = await emu.call<Page<ActivityListing>>('activities', { action: 'find', cornerId: CORNER })
      const page = await emu.call<Activity>('activities', { action: 'get', id: ACTIVITY })
      const inList = found.data!.items.find((a) => a.id === ACTIVITY)!.coverUrl
      expect(Boolean(inList)).toBe(Boolean(page.data!.coverUrl))
      return page.data!.coverUrl ?? null
    },
  },
]

const set = (kind: Kind, fileID: string | null, who = WORKER, id = kind.id) =>
  emu.call<Corner | Project | Activity>(kind.fn, { action: kind.action, id, fileID }, who)

describe.each(KINDS)('the cover of $name', (kind) => {
  it('a worker sets it; anyone sees it in the lists and on the page; the upload moves out of the worker’s folder', async () => {
    const bytes = picture(1)
    const fileID = await uploadAs(WORKER, bytes)
    const res = await set(kind, fileID)
    expect(res.ok).toBe(true)
    expect((await fetchBytes(res.data!.coverUrl!)).equals(bytes)).toBe(true)
    const shown = await kind.shown()
    expect((await fetchBytes(shown!)).equals(bytes)).toBe(true)
    expect(await coverOf(kind.collection, kind.id)).toMatch(`/public/${kind.collection}/${kind.id}/cover-`)
    expect(await tempUrl(emu, fileID, WORKER)).toBeNull()
  })

  it('replacing it deletes the old file, and removing it deletes the file and shows no cover', async () => {
    await set(kind, await uploadAs(WORKER, picture(2)))
    const first = await coverOf(kind.collection, kind.id)
    const firstUrl = (await kind.shown())!
    const files = storedFiles()
    const second = await set(kind, await uploadAs(WORKER, picture(3)))
    expect(second.ok).toBe(true)
    expect((await fetchUrl(firstUrl)).status).toBe(404)
    expect(await coverOf(kind.collection, kind.id)).not.toBe(first)
    expect((await fetchBytes((await kind.shown())!)).equals(picture(3))).toBe(true)
    // The new cover took the old one's place: the upload and the old file are gone.
    expect(storedFiles()).toBe(files)
    const secondUrl = second.data!.coverUrl!
    const removed = await set(kind, null)
    expect(removed).toMatchObject({ ok: true, data: { coverUrl: null } })
    expect((await fetchUrl(secondUrl)).status).toBe(404)
    expect(await kind.shown()).toBeNull()
    expect(await coverOf(kind.collection, kind.id)).toBeNull()
    expect(storedFiles()).toBe(files - 1)
  })

  it('refuses a resident and a volunteer, setting or removing, and changes nothing', async () => {
    await set(kind, await uploadAs(WORKER, picture(4)))
    const before = await coverOf(kind.collection, kind.id)
    for (const who of [RESIDENT, VOLUNTEER]) {
      const theirs = await uploadAs(who, picture(5))
      expect(await set(kind, theirs, who)).toMatchObject({ ok: false, code: 'permission-denied' })
      expect(await set(kind, null, who)).toMatchObject({ ok: false, code: 'permission-denied' })
      // Their upload is still theirs, untouched.
      expect(await tempUrl(emu, theirs, who)).not.toBeNull()
    }
    expect(await coverOf(kind.collection, kind.id)).toBe(before)
    expect((await fetchBytes((await kind.shown())!)).equals(picture(4))).toBe(true)
  })

  it('a picture the image check flags answers content-rejected, is deleted, and nothing is stored', async () => {
    await set(kind, await uploadAs(WORKER, picture(6)))
    const before = await coverOf(kind.collection, kind.id)
    const files = storedFiles()
    const risky = await uploadAs(WORKER, picture(7, { Comment: IMAGE_RISK_MARKER }))
    const res = await set(kind, risky)
    expect(res).toMatchObject({ ok: false, code: 'content-rejected' })
    expect(res.message).toMatch(/照片没有通过内容检查/)
    expect(await tempUrl(emu, risky, WORKER)).toBeNull()
    expect(storedFiles()).toBe(files)
    expect(await coverOf(kind.collection, kind.id)).toBe(before)
  })

  it('takes only the worker’s own upload: another person’s file answers as a missing one', async () => {
    const before = await coverOf(kind.collection, kind.id)
    const theirs = await uploadAs(RESIDENT, picture(8))
    const res = await set(kind, theirs)
    const missing = await set(kind, theirs.replace(/cover-\d+\.png$/, 'none.png'))
    expect(res).toMatchObject({ ok: false, code: 'not-found' })
    expect(res).toEqual(missing)
    expect(await coverOf(kind.collection, kind.id)).toBe(before)
    expect(await tempUrl(emu, theirs, RESIDENT)).not.toBeNull()
  })

  it('a missing id answers not-found and leaves the worker’s upload where it was', async () => {
    const files = storedFiles()
    const fileID = await uploadAs(WORKER, picture(9))
    expect(await set(kind, fileID, WORKER, 'no-such-thing')).toMatchObject({ ok: false, code: 'not-found' })
    expect(await set(kind, null, WORKER, 'no-such-thing')).toMatchObject({ ok: false, code: 'not-found' })
    expect(await tempUrl(emu, fileID, WORKER)).not.toBeNull()
    expect(storedFiles()).toBe(files + 1)
  })
})

describe('covers and the rest', () => {
  it('every demo corner and active project comes with its own cover, drawn for the demo', async () => {
    const list = await emu.call<{ items: Corner[] }>('corners', { action: 'list' })
    const page = await emu.call<Page<Project>>('corners', { action: 'listProjects', limit: 20 })
    const urls = [...list.data!.items, ...page.data!.items].map((x) => x.coverUrl)
    expect(urls.every(Boolean)).toBe(true)
    const pictures = await Promise.all(urls.map((u) => fetchBytes(u!)))
    expect(pictures.every((p) => p.subarray(1, 4).toString() === 'PNG')).toBe(true)
    expect(new Set(pictures.map((p) => p.toString('base64'))).size).toBe(pictures.length)
  })

  it('editing a corner, a project or an activity keeps its cover', async () => {
    for (const kind of KINDS) await set(kind, await uploadAs(WORKER, picture(10)))
    const before = await Promise.all(KINDS.map((k) => coverOf(k.collection, k.id)))
    const corner = (await emu.call<CornerDetail>('corners', { action: 'get', id: CORNER })).data!
    const { corner: c, projects } = corner
    expect(
      await emu.call(
        'corners',
        {
          action: 'upsert',
          id: c.id,
          name: c.name,
          kind: c.kind,
          address: c.address,
          location: c.location,
          schedule: c.schedule,
        },
        WORKER,
      ),
    ).toMatchObject({ ok: true })
    const p = projects.find((x) => x.id === PROJECT)!
    expect(
      await emu.call(
        'corners',
        {
          action: 'upsertProject',
          id: p.id,
          title: p.title,
          org: p.org,
          category: p.category,
          summary: '新的一句话介绍',
          description: p.description,
          cornerIds: p.cornerIds,
        },
        WORKER,
      ),
    ).toMatchObject({ ok: true })
    const a = (await emu.call<Activity>('activities', { action: 'get', id: ACTIVITY })).data!
    expect(
      await emu.call(
        'activities',
        {
          action: 'upsert',
          id: a.id,
          title: '新的活动名称',
          location: a.location,
          startAt: a.startAt,
          endAt: a.endAt,
          capacity: a.capacity,
        },
        WORKER,
      ),
    ).toMatchObject({ ok: true })
    expect(await Promise.all(KINDS.map((k) => coverOf(k.collection, k.id)))).toEqual(before)
  })

  it('a poster takes the activity’s cover, else its project’s, else its corner’s, else none', async () => {
    const [corner, project, activity] = KINDS
    const poster = async () =>
      (await emu.call<PosterCode>('activities', { action: 'posterCode', id: ACTIVITY }, WORKER)).data!
        .coverUrl
    const bytesOf = async () => fetchBytes((await poster())!)
    await set(corner, await uploadAs(WORKER, picture(11)))
    await set(project, await uploadAs(WORKER, picture(12)))
    await set(activity, await uploadAs(WORKER, picture(13)))
    expect((await bytesOf()).equals(picture(13))).toBe(true)
    await set(activity, null)
    expect((await bytesOf()).equals(picture(12))).toBe(true)
    await set(project, null)
    expect((await bytesOf()).equals(picture(11))).toBe(true)
    await set(corner, null)
    expect(await poster()).toBeNull()
  })
})
