/**
 * Photos through the functions: a reward's picture (mall.setRewardPhoto) is taken only from the caller's own
 * upload, passes the image check or the action answers content-rejected, is kept where anyone may read it and
 * shown in the catalogue through a temporary URL; a replaced or removed picture's file is deleted. A need's
 * photos (needs.create, needs.photos, needs.removePhoto) reach only those who may open the need — to anyone
 * else exactly as a missing one — never a list, and a rejected need's photos are deleted.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { CatalogItem, MerchantWithRewards, Reward } from '../../types/mall'
import type { Need, NeedPhoto, NeedPhotos } from '../../types/needs'
import type { Page } from '../../types/envelope'
import { IMAGE_RISK_MARKER } from '../../emulator/openapi'
import { encodePng } from '../../emulator/png'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import { clientUpload, fetchBytes, tempUrl } from '../helpers/storage'

const WORKER = 'demo-worker-liu'
const SHOP = 'demo-merchant-zhou' // 惠民便民超市 (shop-huimin)
const OTHER_SHOP = 'demo-merchant-guo' // 兴达汽修点
const RESIDENT = 'demo-resident-wang'
const REWARD = 'reward-eggs' // at shop-huimin

const picture = (seed: number, text: Record<string, string> = {}) =>
  encodePng(12, 12, (x, y) => [(seed * 53 + x * 7) & 255, (seed * 29 + y * 5) & 255, (seed * 3) & 255], text)

let emu: Emulator

startEmulatorForFile({ seed: 'none', reset: 'demo' }, (started) => {
  emu = started
})

async function rewardInCatalog(id: string): Promise<CatalogItem> {
  const page = await emu.call<Page<CatalogItem>>(
    'mall',
    { action: 'catalog', merchantId: 'shop-huimin' },
    RESIDENT,
  )
  const item = page.data!.items.find((r) => r.id === id)
  if (!item) throw new Error(`${id} is not in the catalogue`)
  return item
}

/** The reward as a worker's list of shops shows it. */
async function rewardOfShops(id: string): Promise<Reward> {
  const page = await emu.call<Page<MerchantWithRewards>>('mall', { action: 'merchants' }, WORKER)
  return page.data!.items.flatMap((s) => s.rewards).find((r) => r.id === id)!
}

/** The bytes of the reward's picture as the workers' list shows it now. */
async function pictureOf(id: string): Promise<Buffer> {
  return fetchBytes((await rewardOfShops(id)).photoUrl!)
}

describe('reward photos', () => {
  it('every demo reward comes with its own picture, drawn for the demo and stored at seed time', async () => {
    const page = await emu.call<Page<MerchantWithRewards>>('mall', { action: 'merchants' }, WORKER)
    const rewards = page.data!.items.flatMap((s) => s.rewards)
    expect(rewards.length).toBeGreaterThanOrEqual(10)
    const pictures = await Promise.all(rewards.map((r) => fetchBytes(r.photoUrl!)))
    expect(pictures.every((p) => p.subarray(1, 4).toString() === 'PNG')).toBe(true)
    expect(new Set(pictures.map((p) => p.toString('base64'))).size).toBe(pictures.length)
  })

  it('a shop’s staff give their reward a picture that the catalogue shows through a temporary URL', async () => {
    const bytes = picture(1)
    const fileID = await clientUpload(emu, `user/${SHOP}/r1.png`, bytes, SHOP)
    const res = await emu.call<Reward>('mall', { action: 'setRewardPhoto', rewardId: REWARD, fileID }, SHOP)
    expect(res.ok).toBe(true)
    expect(res.data!.photoUrl).toEqual(expect.stringContaining('/storage/'))
    const item = await rewardInCatalog(REWARD)
    expect(item.photoUrl).toBeTruthy()
    expect((await fetchBytes(item.photoUrl!)).equals(bytes)).toBe(true)
    // The upload was moved out of the uploader's folder: it is no longer there.
    expect(await tempUrl(emu, fileID, SHOP)).toBeNull()
  })

  it('a photo that fails the image check answers content-rejected, is deleted, and the reward keeps its picture', async () => {
    const first = await clientUpload(emu, `user/${WORKER}/a.png`, picture(2), WORKER)
    await emu.call('mall', { action: 'setRewardPhoto', rewardId: REWARD, fileID: first }, WORKER)
    const before = await rewardInCatalog(REWARD)
    const risky = await clientUpload(
      emu,
      `user/${WORKER}/b.png`,
      picture(3, { Comment: IMAGE_RISK_MARKER }),
      WORKER,
    )
    const res = await emu.call('mall', { action: 'setRewardPhoto', rewardId: REWARD, fileID: risky }, WORKER)
    expect(res).toMatchObject({ ok: false, code: 'content-rejected' })
    expect(res.message).toMatch(/照片没有通过内容检查/)
    expect(await tempUrl(emu, risky, WORKER)).toBeNull()
    const after = await rewardInCatalog(REWARD)
    expect((await fetchBytes(after.photoUrl!)).equals(await fetchBytes(before.photoUrl!))).toBe(true)
  })

  it('takes a photo only from the caller’s own uploads: another person’s file answers as a missing one', async () => {
    const before = await pictureOf(REWARD)
    const theirs = await clientUpload(emu, `user/${RESIDENT}/x.png`, picture(4), RESIDENT)
    const res = await emu.call('mall', { action: 'setRewardPhoto', rewardId: REWARD, fileID: theirs }, SHOP)
    const missing = await emu.call(
      'mall',
      { action: 'setRewardPhoto', rewardId: REWARD, fileID: theirs.replace('x.png', 'none.png') },
      SHOP,
    )
    expect(res).toMatchObject({ ok: false, code: 'not-found' })
    expect(res).toEqual(missing)
    expect((await pictureOf(REWARD)).equals(before)).toBe(true)
    // The resident's own file is untouched.
    expect(await tempUrl(emu, theirs, RESIDENT)).not.toBeNull()
  })

  it('refuses staff of another shop, a resident and an unknown reward, and changes nothing', async () => {
    const before = await pictureOf(REWARD)
    const other = await clientUpload(emu, `user/${OTHER_SHOP}/o.png`, picture(5), OTHER_SHOP)
    expect(
      await emu.call('mall', { action: 'setRewardPhoto', rewardId: REWARD, fileID: other }, OTHER_SHOP),
    ).toMatchObject({ ok: false, code: 'permission-denied' })
    const mine = await clientUpload(emu, `user/${RESIDENT}/m.png`, picture(6), RESIDENT)
    expect(
      await emu.call('mall', { action: 'setRewardPhoto', rewardId: REWARD, fileID: mine }, RESIDENT),
    ).toMatchObject({ ok: false, code: 'permission-denied' })
    const shop = await clientUpload(emu, `user/${SHOP}/s.png`, picture(7), SHOP)
    expect(
      await emu.call('mall', { action: 'setRewardPhoto', rewardId: 'reward-none', fileID: shop }, SHOP),
    ).toMatchObject({ ok: false, code: 'not-found' })
    expect((await pictureOf(REWARD)).equals(before)).toBe(true)
    expect(await tempUrl(emu, other, OTHER_SHOP)).not.toBeNull()
  })

  it('replacing or removing a picture deletes the file it replaced', async () => {
    const a = await clientUpload(emu, `user/${SHOP}/a.png`, picture(8), SHOP)
    const first = await emu.call<Reward>(
      'mall',
      { action: 'setRewardPhoto', rewardId: REWARD, fileID: a },
      SHOP,
    )
    const oldUrl = first.data!.photoUrl!
    const b = await clientUpload(emu, `user/${SHOP}/b.png`, picture(9), SHOP)
    const second = await emu.call<Reward>(
      'mall',
      { action: 'setRewardPhoto', rewardId: REWARD, fileID: b },
      SHOP,
    )
    expect((await fetch(encodeURI(oldUrl))).status).toBe(404)
    expect((await fetchBytes(second.data!.photoUrl!)).equals(picture(9))).toBe(true)
    const removed = await emu.call<Reward>(
      'mall',
      { action: 'setRewardPhoto', rewardId: REWARD, fileID: null },
      SHOP,
    )
    expect(removed.data!.photoUrl).toBeNull()
    expect((await fetch(encodeURI(second.data!.photoUrl!))).status).toBe(404)
    expect((await rewardInCatalog(REWARD)).photoUrl).toBeNull()
  })

  it('editing a reward keeps its picture', async () => {
    const a = await clientUpload(emu, `user/${SHOP}/k.png`, picture(10), SHOP)
    await emu.call('mall', { action: 'setRewardPhoto', rewardId: REWARD, fileID: a }, SHOP)
    const edited = await emu.call<Reward>(
      'mall',
      {
        action: 'upsertReward',
        id: REWARD,
        merchantId: 'shop-huimin',
        title: '鲜鸡蛋 一盒30枚',
        cost: 90,
        stock: 50,
        perUserLimit: 2,
      },
      SHOP,
    )
    expect(edited.ok).toBe(true)
    expect((await fetchBytes(edited.data!.photoUrl!)).equals(picture(10))).toBe(true)
  })
})

describe('need photos', () => {
  const VOLUNTEER = 'demo-volunteer-zhang'
  const OTHER_VOLUNTEER = 'demo-volunteer-chen'
  const STRANGER = 'never-seen-before'
  const NEED = {
    action: 'create',
    category: 'repair',
    title: '厨房水龙头漏水',
    description: '水龙头一直滴水，照片里是漏水的地方。',
    address: '槐中路社区2栋2单元201',
    contactPhone: '13503110007',
  }
  /** How many files the storage keeps (blobs in the emulator's data directory). */
  const storedFiles = () => fs.readdirSync(path.join(emu.dataDir, 'storage')).length

  async function post(photos: Buffer[]): Promise<string> {
    const fileIDs = []
    for (const [i, bytes] of photos.entries()) {
      fileIDs.push(await clientUpload(emu, `user/${RESIDENT}/need-${i}.png`, bytes, RESIDENT))
    }
    const res = await emu.call<Need>('needs', { ...NEED, photos: fileIDs }, RESIDENT)
    if (!res.ok) throw new Error(JSON.stringify(res))
    return res.data!.id
  }
  const photosOf = (id: string, openid: string) =>
    emu.call<{ items: NeedPhoto[] }>('needs', { action: 'photos', id }, openid)

  it('the requester sees the photos attached when posting, in order; lists only count them', async () => {
    const id = await post([picture(50), picture(51)])
    const res = await photosOf(id, RESIDENT)
    expect(res.data!.items).toHaveLength(2)
    const bytes = await Promise.all(res.data!.items.map((p) => fetchBytes(p.url)))
    expect(bytes.map((b) => b.toString('base64'))).toEqual(
      [picture(50), picture(51)].map((b) => b.toString('base64')),
    )
    const mine = await emu.call<Page<Need>>('needs', { action: 'list', scope: 'mine' }, RESIDENT)
    const listed = mine.data!.items.find((n) => n.id === id)!
    expect(listed.photoCount).toBe(2)
    expect(JSON.stringify(mine.data)).not.toMatch(/\/storage\/|cloud:\/\//)
    const got = await emu.call<Need>('needs', { action: 'get', id }, RESIDENT)
    expect(JSON.stringify(got.data)).not.toMatch(/\/storage\/|cloud:\/\//)
  })

  it('photos go to those who may open the need and to nobody else, who get the answer of a missing need', async () => {
    const id = await post([picture(52)])
    const missing = await photosOf('need-does-not-exist', OTHER_VOLUNTEER)
    expect(missing).toMatchObject({ ok: false, code: 'not-found' })
    // Pending: only the requester and workers.
    expect((await photosOf(id, WORKER)).data!.items).toHaveLength(1)
    for (const who of [VOLUNTEER, STRANGER, SHOP]) expect(await photosOf(id, who)).toEqual(missing)
    // Open: volunteers may look at it before claiming, as they may open it.
    await emu.call('needs', { action: 'review', id, approve: true }, WORKER)
    expect((await photosOf(id, OTHER_VOLUNTEER)).data!.items).toHaveLength(1)
    expect(await photosOf(id, STRANGER)).toEqual(missing)
    // Assigned: the assignee, not another volunteer.
    await emu.call('needs', { action: 'dispatch', id, volunteerOpenid: VOLUNTEER }, WORKER)
    const assignee = await photosOf(id, VOLUNTEER)
    expect((await fetchBytes(assignee.data!.items[0].url)).equals(picture(52))).toBe(true)
    expect(await photosOf(id, OTHER_VOLUNTEER)).toEqual(missing)
    expect(await photosOf(id, STRANGER)).toEqual(missing)
  })

  it('a photo that fails the image check refuses the whole need and leaves no file behind', async () => {
    const before = storedFiles()
    const good = await clientUpload(emu, `user/${RESIDENT}/g.png`, picture(53), RESIDENT)
    const risky = await clientUpload(
      emu,
      `user/${RESIDENT}/r.png`,
      picture(54, { Comment: IMAGE_RISK_MARKER }),
      RESIDENT,
    )
    const mineBefore = await emu.call<Page<Need>>('needs', { action: 'list', scope: 'mine' }, RESIDENT)
    const res = await emu.call('needs', { ...NEED, photos: [good, risky] }, RESIDENT)
    expect(res).toMatchObject({ ok: false, code: 'content-rejected' })
    const mineAfter = await emu.call<Page<Need>>('needs', { action: 'list', scope: 'mine' }, RESIDENT)
    expect(mineAfter.data!.items.map((n) => n.id)).toEqual(mineBefore.data!.items.map((n) => n.id))
    expect(storedFiles()).toBe(before)
  })

  it('a need takes photos only from the requester’s own uploads, and at most 3', async () => {
    const theirs = await clientUpload(emu, `user/${VOLUNTEER}/v.png`, picture(55), VOLUNTEER)
    const res = await emu.call('needs', { ...NEED, photos: [theirs] }, RESIDENT)
    expect(res).toMatchObject({ ok: false, code: 'not-found' })
    expect(await tempUrl(emu, theirs, VOLUNTEER)).not.toBeNull()
    const four = await emu.call('needs', { ...NEED, photos: [theirs, theirs, theirs, theirs] }, RESIDENT)
    expect(four).toMatchObject({ ok: false, code: 'invalid-argument', message: '最多附 3 张照片' })
  })

  it('the requester takes a photo away and its file is deleted; others get the answer of a missing photo', async () => {
    const id = await post([picture(56), picture(57)])
    const [first, second] = (await photosOf(id, RESIDENT)).data!.items
    const missing = await emu.call('needs', { action: 'removePhoto', id, photoId: 'photo-none' }, RESIDENT)
    expect(missing).toMatchObject({ ok: false, code: 'not-found' })
    for (const who of [VOLUNTEER, STRANGER]) {
      expect(await emu.call('needs', { action: 'removePhoto', id, photoId: first.id }, who)).toEqual(missing)
    }
    expect((await photosOf(id, RESIDENT)).data!.items).toHaveLength(2)
    const res = await emu.call<Need>('needs', { action: 'removePhoto', id, photoId: first.id }, RESIDENT)
    expect(res.data!.photoCount).toBe(1)
    expect((await fetch(encodeURI(first.url))).status).toBe(404)
    expect((await photosOf(id, RESIDENT)).data!.items.map((p) => p.id)).toEqual([second.id])
  })

  it('rejecting a need deletes its photos', async () => {
    const before = storedFiles()
    const id = await post([picture(58), picture(59)])
    expect(storedFiles()).toBe(before + 2)
    const urls = (await photosOf(id, RESIDENT)).data!.items.map((p) => p.url)
    const res = await emu.call<Need>(
      'needs',
      { action: 'review', id, approve: false, reason: '不在服务范围' },
      WORKER,
    )
    expect(res.data!.photoCount).toBe(0)
    expect(storedFiles()).toBe(before)
    for (const url of urls) expect((await fetch(encodeURI(url))).status).toBe(404)
    expect((await photosOf(id, RESIDENT)).data!.items).toEqual([])
  })
})

describe('completion photos', () => {
  const VOLUNTEER = 'demo-volunteer-zhang'
  const OTHER_VOLUNTEER = 'demo-volunteer-chen'
  const STRANGER = 'never-seen-before'
  const storedFiles = () => fs.readdirSync(path.join(emu.dataDir, 'storage')).length
  const photosOf = (id: string, openid: string) =>
    emu.call<NeedPhotos>('needs', { action: 'photos', id }, openid)

  /** A need posted by the resident, approved and dispatched to VOLUNTEER. */
  async function assigned(): Promise<string> {
    const res = await emu.call<Need>(
      'needs',
      {
        action: 'create',
        category: 'repair',
        title: '换灯泡',
        description: '楼道灯坏了',
        address: '槐中路社区2栋2单元201',
        contactPhone: '13503110007',
      },
      RESIDENT,
    )
    const id = res.data!.id
    await emu.call('needs', { action: 'review', id, approve: true }, WORKER)
    await emu.call('needs', { action: 'dispatch', id, volunteerOpenid: VOLUNTEER }, WORKER)
    return id
  }
  const upload = (name: string, bytes: Buffer, openid = VOLUNTEER) =>
    clientUpload(emu, `user/${openid}/${name}.png`, bytes, openid)
  const complete = (id: string, photos: string[], openid = VOLUNTEER) =>
    emu.call<Need>('needs', { action: 'complete', id, minutes: 45, note: '灯泡换好了', photos }, openid)

  it('the volunteer’s completion photos reach the requester, the assignee and workers, in order, and never a list', async () => {
    const id = await assigned()
    const res = await complete(id, [await upload('a', picture(70)), await upload('b', picture(71))])
    expect(res.data).toMatchObject({ status: 'done', completionPhotoCount: 2, photoCount: 0 })
    for (const who of [RESIDENT, VOLUNTEER, WORKER]) {
      const got = await photosOf(id, who)
      expect(got.data!.items).toEqual([])
      const bytes = await Promise.all(got.data!.completion.map((p) => fetchBytes(p.url)))
      expect(bytes.map((b) => b.toString('base64'))).toEqual(
        [picture(70), picture(71)].map((b) => b.toString('base64')),
      )
    }
    const missing = await photosOf('need-does-not-exist', STRANGER)
    for (const who of [OTHER_VOLUNTEER, STRANGER, SHOP]) expect(await photosOf(id, who)).toEqual(missing)
    const lists = [
      await emu.call('needs', { action: 'list', scope: 'mine' }, RESIDENT),
      await emu.call('needs', { action: 'list', scope: 'assigned' }, VOLUNTEER),
      await emu.call('needs', { action: 'list', scope: 'all' }, WORKER),
      await emu.call('needs', { action: 'get', id }, RESIDENT),
    ]
    for (const answer of lists) expect(JSON.stringify(answer)).not.toMatch(/\/storage\/|cloud:\/\//)
  })

  it('a completion photo that fails the image check changes nothing: the need stays assigned, no file is kept', async () => {
    const id = await assigned()
    const good = await upload('g', picture(72))
    const risky = await upload('r', picture(73, { Comment: IMAGE_RISK_MARKER }))
    const before = storedFiles()
    const res = await complete(id, [good, risky])
    expect(res).toMatchObject({ ok: false, code: 'content-rejected' })
    const got = await emu.call<Need>('needs', { action: 'get', id }, VOLUNTEER)
    expect(got.data).toMatchObject({ status: 'assigned', minutes: null, completionPhotoCount: 0 })
    // Both uploads are gone (one checked and taken, then dropped; the refused one deleted), nothing else kept.
    expect(storedFiles()).toBe(before - 2)
    expect((await photosOf(id, WORKER)).data!.completion).toEqual([])
    // Done again without the refused photo, it works.
    const retry = await complete(id, [await upload('g2', picture(72))])
    expect(retry.data).toMatchObject({ status: 'done', completionPhotoCount: 1 })
  })

  it('at most 3 completion photos, only the assignee’s own uploads, and only from the assignee', async () => {
    const id = await assigned()
    const mine = await upload('m', picture(74))
    const four = await complete(id, [mine, mine, mine, mine])
    expect(four).toMatchObject({ ok: false, code: 'invalid-argument', message: '最多附 3 张照片' })
    const theirs = await upload('t', picture(75), OTHER_VOLUNTEER)
    expect(await complete(id, [theirs])).toMatchObject({ ok: false, code: 'not-found' })
    expect(await tempUrl(emu, theirs, OTHER_VOLUNTEER)).not.toBeNull()
    // Another volunteer's own upload is not even checked: refused as before, their file stays.
    expect(await complete(id, [theirs], OTHER_VOLUNTEER)).toMatchObject({
      ok: false,
      code: 'permission-denied',
    })
    expect(await tempUrl(emu, theirs, OTHER_VOLUNTEER)).not.toBeNull()
    expect(await tempUrl(emu, mine, VOLUNTEER)).not.toBeNull()
    const got = await emu.call<Need>('needs', { action: 'get', id }, VOLUNTEER)
    expect(got.data).toMatchObject({ status: 'assigned', completionPhotoCount: 0 })
  })

  it('a worker takes a completion photo away and its file is deleted; the requester and the volunteer cannot', async () => {
    const id = await assigned()
    await complete(id, [await upload('x', picture(76)), await upload('y', picture(77))])
    const [first, second] = (await photosOf(id, RESIDENT)).data!.completion
    const missing = await emu.call('needs', { action: 'removePhoto', id, photoId: 'photo-none' }, WORKER)
    for (const who of [RESIDENT, VOLUNTEER, STRANGER]) {
      expect(await emu.call('needs', { action: 'removePhoto', id, photoId: first.id }, who)).toEqual(missing)
    }
    expect((await photosOf(id, RESIDENT)).data!.completion).toHaveLength(2)
    const res = await emu.call<Need>('needs', { action: 'removePhoto', id, photoId: first.id }, WORKER)
    expect(res.data!.completionPhotoCount).toBe(1)
    expect((await fetch(encodeURI(first.url))).status).toBe(404)
    expect((await photosOf(id, RESIDENT)).data!.completion.map((p) => p.id)).toEqual([second.id])
  })
})
