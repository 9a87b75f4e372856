import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { LatLng } from '@shared/corners'
import { RELEASE_LIMIT, type Need } from '@shared/needs'
import AssignedPage from '@/packages/volunteer/pages/mine'
import PoolPage from '@/packages/volunteer/pages/pool'
import { wgs84ToGcj02 } from '@/services/corners'
import {
  ADDRESS,
  OTHER_VOLUNTEER,
  PHONE,
  RESIDENT,
  VOLUNTEER,
  WORKER,
  become,
  dispatchedNeed,
  needs,
  openDetail,
  postNeed,
  routeTo,
} from './needs-support'
import { phoneIsAt } from './corners-support'
import { fieldDrawn, startEmulatorForFile, tap, typeInto, waitForGone } from './support/app'
import { nextPicked, picture, riskyPicture } from './support/photos'

const emulator = startEmulatorForFile()

/** A need the worker has approved, waiting in the pool. */
async function openNeed(title: string, urgent = false): Promise<Need> {
  const need = await postNeed(emulator(), title, urgent)
  await needs(emulator(), WORKER, { action: 'review', id: need.id, approve: true })
  return need
}

const POOL = '/packages/volunteer/pages/pool/index'

afterEach(() => jest.restoreAllMocks())

/** An open need posted at `place` on the map (GCJ-02, as WeChat's map picks it). */
async function placedNeed(title: string, place: LatLng): Promise<Need> {
  const need = await needs(emulator(), RESIDENT, {
    action: 'create',
    category: 'repair',
    title,
    description: '家里的小电器坏了，想请会修的邻居帮忙看看。',
    address: ADDRESS,
    contactPhone: PHONE,
    location: place,
  })
  await needs(emulator(), WORKER, { action: 'review', id: need.id, approve: true })
  return need
}

async function cardOf(title: string): Promise<HTMLElement> {
  return (await screen.findByText(title)).closest('.need-card') as HTMLElement
}

describe('需求大厅', () => {
  test('a volunteer claims a need from the pool only after confirming', async () => {
    const need = await openNeed('帮忙把米扛上五楼', true)
    await become(emulator(), VOLUNTEER)
    render(<PoolPage />)

    const card = await cardOf('帮忙把米扛上五楼')
    expect(within(card).getByText('紧急')).toBeInTheDocument()

    // Changing one's mind changes nothing.
    await tap('我来接单', card)
    await tap('再想想', (await screen.findByText('接下这个需求？')).closest('.confirm-dialog') as HTMLElement)
    await waitForGone('接下这个需求？')
    expect((await needs(emulator(), RESIDENT, { action: 'get', id: need.id })).status).toBe('open')

    await tap('我来接单', await cardOf('帮忙把米扛上五楼'))
    await tap('确认接单')

    await waitForGone('帮忙把米扛上五楼')
    const claimed = await needs(emulator(), RESIDENT, { action: 'get', id: need.id })
    expect(claimed.status).toBe('assigned')
    expect(claimed.assignee?.openid).toBe(VOLUNTEER)
  })

  test('the category filter shows only needs of that category', async () => {
    await openNeed('帮忙买一袋面')
    await become(emulator(), VOLUNTEER)
    render(<PoolPage />)
    await cardOf('帮忙买一袋面')

    await tap('维修', await screen.findByRole('tablist'))
    await waitForGone('帮忙买一袋面')
    expect(await screen.findByText('楼道里的水管漏水')).toBeInTheDocument()

    await tap('代办', await screen.findByRole('tablist'))
    expect(await screen.findByText('帮忙买一袋面')).toBeInTheDocument()
  })

  test('a need someone else took meanwhile says so and leaves the pool', async () => {
    const need = await openNeed('帮忙修一下门锁')
    await become(emulator(), VOLUNTEER)
    render(<PoolPage />)
    await tap('我来接单', await cardOf('帮忙修一下门锁'))
    await needs(emulator(), 'demo-volunteer-chen', { action: 'claim', id: need.id })

    await tap('确认接单')

    expect(await screen.findByText('手慢了，这个需求已经被别人接了')).toBeInTheDocument()
    await tap('再想想')
    await waitForGone('帮忙修一下门锁')
  })

  test('a pool card shows what completing earns, 同社区, and with the phone’s location how far in steps', async () => {
    const phone = { lat: 38.0412, lng: 114.5203 } // what the browser reports (GPS)
    await placedNeed('帮忙修一下台灯', wgs84ToGcj02(phone))
    const far = { lat: wgs84ToGcj02(phone).lat + 0.06, lng: wgs84ToGcj02(phone).lng } // about 6.7 km north
    await placedNeed('帮忙搬一下书架', far)
    phoneIsAt(phone)
    await become(emulator(), OTHER_VOLUNTEER) // 槐中路社区, the resident's
    routeTo(POOL)
    render(<PoolPage />)

    // The cards come at once; the distances as soon as the phone tells where it is.
    await screen.findByText('离您 1 公里内')
    const card = await cardOf('帮忙修一下台灯')
    expect(within(card).getByText('完成可得 20 积分')).toBeInTheDocument()
    expect(within(card).getByText('同社区')).toBeInTheDocument()
    expect(within(card).getByText('离您 1 公里内')).toBeInTheDocument()
    expect(within(await cardOf('帮忙搬一下书架')).getByText('离您 5 公里以上')).toBeInTheDocument()
    expect(screen.queryByText('显示距离')).toBeNull()
    // The place itself is never on the card.
    expect(document.body.textContent).not.toContain(ADDRESS)
  })

  test('without the location the cards still work; 显示距离 asks through the 隐私保护提示 and then shows steps', async () => {
    const phone = { lat: 38.0412, lng: 114.5203 }
    await placedNeed('帮忙修一下台灯', wgs84ToGcj02(phone))
    const located = jest.spyOn(Taro, 'getLocation').mockResolvedValue({
      latitude: phone.lat,
      longitude: phone.lng,
      errMsg: 'getLocation:ok',
    } as Taro.getLocation.SuccessCallbackResult)
    await become(emulator(), VOLUNTEER) // 道义街3502社区: not the resident's
    routeTo(POOL)
    render(<PoolPage />)

    // Not agreed yet: the phone is not asked, and 显示距离 is offered.
    await screen.findByText('显示距离')
    const card = await cardOf('帮忙修一下台灯')
    expect(within(card).getByText('完成可得 20 积分')).toBeInTheDocument()
    expect(within(card).queryByText('同社区')).toBeNull()
    expect(within(card).queryByText(/离您/)).toBeNull()
    expect(located).not.toHaveBeenCalled()

    await tap('显示距离')
    await tap('同意并继续', (await screen.findByRole('dialog', { name: '隐私保护提示' })) as HTMLElement)
    const step = await screen.findByText('离您 1 公里内')
    expect(step.closest('.need-card')).toBe(await cardOf('帮忙修一下台灯'))
    expect(located).toHaveBeenCalled()
    await waitForGone('显示距离')
  })

  test('a resident who is not a volunteer is offered the application instead of the pool', async () => {
    await become(emulator(), RESIDENT)
    render(<PoolPage />)

    expect(await screen.findByText('志愿者才能接单')).toBeInTheDocument()
    expect(screen.getByText('申请成为志愿者')).toBeInTheDocument()
  })
})

describe('我接的单', () => {
  test('a need dispatched to the volunteer is seen once they open its page: no longer new, on any phone', async () => {
    const need = await dispatchedNeed(emulator(), '帮忙修水龙头', VOLUNTEER)
    expect((await needs(emulator(), VOLUNTEER, { action: 'get', id: need.id })).unseen).toBe(true)
    await become(emulator(), VOLUNTEER)
    openDetail(need.id)
    expect(await screen.findByText('帮忙修水龙头')).toBeInTheDocument()
    await waitFor(async () =>
      expect((await needs(emulator(), VOLUNTEER, { action: 'get', id: need.id })).unseen).toBeUndefined(),
    )
  })

  test('a volunteer reports a claimed need done with the minutes it took', async () => {
    const need = await openNeed('帮忙贴春联')
    await needs(emulator(), VOLUNTEER, { action: 'claim', id: need.id })
    await become(emulator(), VOLUNTEER)
    render(<AssignedPage />)

    await tap('帮完了', await cardOf('帮忙贴春联'))
    await tap('提交，服务完成了')
    expect(await screen.findByText('请填写服务时长')).toBeInTheDocument()
    expect((await needs(emulator(), VOLUNTEER, { action: 'get', id: need.id })).status).toBe('assigned')

    await typeInto('分钟数，例如：45', '900')
    await tap('提交，服务完成了')
    expect(await screen.findByText('服务时长最多720分钟')).toBeInTheDocument()

    await tap('1小时')
    await typeInto('例如：已陪老人看完病，药已取回', '春联贴好了')
    await tap('提交，服务完成了')

    const card = await cardOf('帮忙贴春联')
    await waitFor(() => expect(within(card).getByText('待确认')).toBeInTheDocument())
    const done = await needs(emulator(), VOLUNTEER, { action: 'get', id: need.id })
    expect(done).toMatchObject({ status: 'done', minutes: 60, completionNote: '春联贴好了' })
  })

  test('a volunteer releases a need after confirming, and it goes back to the pool', async () => {
    const need = await openNeed('帮忙遛狗')
    await needs(emulator(), VOLUNTEER, { action: 'claim', id: need.id })
    await become(emulator(), VOLUNTEER)
    render(<AssignedPage />)

    await tap('放弃这单', await cardOf('帮忙遛狗'))
    expect(await screen.findByText('放弃这个需求？')).toBeInTheDocument()
    await tap('确认放弃')

    await waitForGone('帮忙遛狗')
    const released = await needs(emulator(), VOLUNTEER, { action: 'get', id: need.id })
    expect(released).toMatchObject({ status: 'open', assignee: null })
  })

  test(`after ${RELEASE_LIMIT} releases in 7 days a volunteer is told why they cannot claim and whom to ask`, async () => {
    for (let i = 0; i < RELEASE_LIMIT; i++) {
      const taken = await openNeed(`帮忙取药${i}`)
      await needs(emulator(), VOLUNTEER, { action: 'claim', id: taken.id })
      await needs(emulator(), VOLUNTEER, { action: 'release', id: taken.id })
    }
    const need = await openNeed('帮忙买菜')
    await become(emulator(), VOLUNTEER)
    openDetail(need.id)

    await tap('我来帮忙（接单）')
    await tap('确认接单')

    expect(await screen.findByText(/已经放弃了3个需求.*请联系社工站的社工/)).toBeInTheDocument()
    const still = await needs(emulator(), VOLUNTEER, { action: 'get', id: need.id })
    expect(still).toMatchObject({ status: 'open', assignee: null })
  })
})

describe('完成时拍照', () => {
  afterEach(() => jest.restoreAllMocks())

  test('a volunteer adds up to 3 photos when finishing; a refused photo changes nothing; the requester sees them', async () => {
    const need = await openNeed('帮忙修门锁')
    await needs(emulator(), VOLUNTEER, { action: 'claim', id: need.id })
    await become(emulator(), VOLUNTEER)
    const page = openDetail(need.id)
    await tap('填写完成情况')
    await fieldDrawn('分钟数，例如：45')
    await tap('1小时')

    const risky = nextPicked([riskyPicture(1)])
    await tap('添加照片')
    expect(risky).toHaveBeenCalledWith(expect.objectContaining({ count: 3 }))
    expect(await screen.findByLabelText('第1张照片')).toBeInTheDocument()
    await waitForGone('上传中…')
    await tap('提交，服务完成了')
    expect(await screen.findByText('这张照片没有通过内容检查，请换一张')).toBeInTheDocument()
    expect(await needs(emulator(), VOLUNTEER, { action: 'get', id: need.id })).toMatchObject({
      status: 'assigned',
      minutes: null,
      completionPhotoCount: 0,
    })

    // Taken off, three others picked: the album is not offered a fourth.
    fireEvent.click(screen.getByLabelText('去掉第1张照片'))
    const good = [picture(2), picture(3), picture(4)]
    nextPicked(good)
    await tap('添加照片')
    await waitFor(() => expect(screen.getAllByLabelText(/^第\d张照片$/)).toHaveLength(3))
    await waitForGone('上传中…')
    expect(screen.queryByText('添加照片')).not.toBeInTheDocument()
    await tap('提交，服务完成了')
    await waitFor(async () =>
      expect(await needs(emulator(), VOLUNTEER, { action: 'get', id: need.id })).toMatchObject({
        status: 'done',
        completionPhotoCount: 3,
      }),
    )
    page.unmount()

    // The requester's page shows them as thumbnails, in order, from the storage.
    await become(emulator(), RESIDENT)
    openDetail(need.id)
    expect(await screen.findByText('志愿者完成时拍的')).toBeInTheDocument()
    const thumbs = await screen.findAllByRole('img', { name: /^完成照片\d$/ })
    expect(thumbs.map((t) => t.getAttribute('aria-label'))).toEqual(['完成照片1', '完成照片2', '完成照片3'])
    const srcs = thumbs.map((t) => t.querySelector('img')?.getAttribute('src') ?? '')
    const bytes = await Promise.all(
      srcs.map(async (src) => Buffer.from(await (await fetch(src)).arrayBuffer())),
    )
    expect(bytes.map((b) => b.toString('base64'))).toEqual(good.map((b) => b.toString('base64')))
    // The requester may not take the volunteer's photos away.
    expect(screen.queryByText('删除')).not.toBeInTheDocument()
  })
})
