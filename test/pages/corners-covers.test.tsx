/**
 * Covers on the pages, against a real emulator: a social worker sets, changes and deletes (after confirming) a
 * corner's, a project's and an activity's cover in 公益角管理, and is told in plain Chinese when a picture is
 * refused; the lists show covers as thumbnails and the pages larger, and without a cover nothing is drawn.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { Activity } from '@shared/activities'
import type { CornerDetail, ProjectDetail } from '@shared/corners'
import CornerPage from '@/packages/corners/pages/corner'
import CornersManagePage from '@/packages/worker/pages/corners-manage'
import { RESIDENT, WORKER, activities, become, corners, openAt } from './corners-support'
import { startEmulatorForFile, tap, waitForGone } from './support/app'
import { nextPicked, picture, riskyPicture } from './support/photos'

const emulator = startEmulatorForFile()
const WAIT = { timeout: 10_000 }

const CORNER = 'corner-yutong-park'
const CORNER_NAME = '裕彤体育公园'
const MANAGE_PATH = '/packages/worker/pages/corners-manage/index'
const CORNER_PATH = '/packages/corners/pages/corner/index'

afterEach(() => jest.restoreAllMocks())

/** The corner's cover as anyone gets it now: its bytes in base64, or null when it has none. */
async function cornerCover(): Promise<string | null> {
  const { corner } = await corners<CornerDetail>(emulator(), RESIDENT, { action: 'get', id: CORNER })
  if (!corner.coverUrl) return null
  return Buffer.from(await (await fetch(corner.coverUrl)).arrayBuffer()).toString('base64')
}

/** 公益角管理 → 公益角 → the corner's form. */
async function openCornerForm(): Promise<HTMLElement> {
  await become(emulator(), WORKER)
  openAt(CornersManagePage, MANAGE_PATH)
  await tap('公益角')
  fireEvent.click(await screen.findByText(CORNER_NAME, {}, WAIT))
  return (await screen.findByText('修改公益角', {}, WAIT)).closest('.card') as HTMLElement
}

describe('封面 in 公益角管理', () => {
  test('a worker deletes a corner’s cover only after confirming, then sets a new one that everyone sees', async () => {
    const form = await openCornerForm()
    expect(within(form).getByLabelText(`「${CORNER_NAME}」的封面`)).toBeInTheDocument()

    await tap('删除封面', form)
    expect(await screen.findByText('删除这张封面？')).toBeInTheDocument()
    await tap('再想想')
    await waitForGone('删除这张封面？')
    expect(await cornerCover()).not.toBeNull()

    await tap('删除封面', form)
    const dialog = (await screen.findByText('删除这张封面？')).closest('.confirm-dialog') as HTMLElement
    await tap('删除封面', dialog)
    expect(await within(form).findByText('还没有封面', {}, WAIT)).toBeInTheDocument()
    expect(within(form).queryByLabelText(`「${CORNER_NAME}」的封面`)).not.toBeInTheDocument()
    expect(await cornerCover()).toBeNull()

    const fresh = picture(21)
    nextPicked([fresh])
    await tap('设置封面', form)
    expect(await within(form).findByLabelText(`「${CORNER_NAME}」的封面`, {}, WAIT)).toBeInTheDocument()
    expect(within(form).getByText('更换封面')).toBeInTheDocument()
    expect(await cornerCover()).toBe(fresh.toString('base64'))

    // Back in the list, the corner's row shows the new cover as its thumbnail.
    await tap('取消', form)
    const row = (await screen.findByText(CORNER_NAME)).closest('.card') as HTMLElement
    const { corner } = await corners<CornerDetail>(emulator(), RESIDENT, { action: 'get', id: CORNER })
    const src = within(row)
      .getByLabelText(`「${CORNER_NAME}」的封面`)
      .querySelector('taro-image-core, img')
      ?.getAttribute('src')
    expect(src?.split('?')[0]).toBe(corner.coverUrl!.split('?')[0])
  })

  test('a picture the check refuses is said in plain Chinese and the cover stays as it was', async () => {
    const before = await cornerCover()
    const form = await openCornerForm()
    nextPicked([riskyPicture(22)])
    await tap('更换封面', form)
    expect(await within(form).findByText('这张照片没有通过内容检查，请换一张', {}, WAIT)).toBeInTheDocument()
    expect(await cornerCover()).toBe(before)
    expect(within(form).getByText('更换封面')).toBeInTheDocument()
  })

  test('a project’s and an activity’s forms set their covers; a new one is told it gets a cover once saved', async () => {
    await become(emulator(), WORKER)
    openAt(CornersManagePage, MANAGE_PATH)
    await tap('项目')
    await tap('新建项目')
    expect(await screen.findByText('保存后可以给项目设置封面')).toBeInTheDocument()
    await tap('取消')

    await tap('项目')
    const title = '“爱心小红帽”困境老人关爱行动'
    fireEvent.click(await screen.findByText(title, {}, WAIT))
    const form = (await screen.findByText('修改项目', {}, WAIT)).closest('.card') as HTMLElement
    const fresh = picture(23)
    nextPicked([fresh])
    await tap('更换封面', form)
    await waitFor(async () => {
      const { project } = await corners<ProjectDetail>(emulator(), RESIDENT, {
        action: 'getProject',
        id: 'project-xiaohongmao',
      })
      const bytes = Buffer.from(await (await fetch(project.coverUrl!)).arrayBuffer())
      expect(bytes.equals(fresh)).toBe(true)
    }, WAIT)

    // The project's first activity, which has no cover yet.
    const row = (await screen.findByText('“小红帽”志愿者招募与培训', {}, WAIT)).closest(
      '.card',
    ) as HTMLElement
    await tap('修改', row)
    const activityForm = (await screen.findByText('修改活动', {}, WAIT)).closest('.card') as HTMLElement
    expect(within(activityForm).getByText('还没有封面')).toBeInTheDocument()
    nextPicked([picture(24)])
    await tap('设置封面', activityForm)
    expect(await within(activityForm).findByText('更换封面', {}, WAIT)).toBeInTheDocument()
    const activity = await activities<Activity>(emulator(), RESIDENT, {
      action: 'get',
      id: 'demo-act-xiaohongmao-1',
    })
    expect(activity.coverUrl).toBeTruthy()
  })
})

describe('covers in the lists and on the pages', () => {
  test('a corner’s page shows its cover large and each project’s as a thumbnail; one without a cover draws none', async () => {
    const detail = await corners<CornerDetail>(emulator(), RESIDENT, { action: 'get', id: CORNER })
    const [bare, ...others] = detail.projects
    await corners(emulator(), WORKER, { action: 'setProjectCover', id: bare.id, fileID: null })
    await become(emulator(), RESIDENT)
    openAt(CornerPage, CORNER_PATH, { id: CORNER })

    expect(await screen.findByLabelText(`「${CORNER_NAME}」的封面`, {}, WAIT)).toHaveClass('cover-banner')
    const bareCard = (await screen.findByText(bare.title, {}, WAIT)).closest('.card') as HTMLElement
    expect(bareCard.querySelector('.cover-thumb, taro-image-core, img')).toBeNull()
    const card = screen.getByText(others[0].title).closest('.card') as HTMLElement
    const thumb = within(card).getByLabelText(`「${others[0].title}」的封面`)
    expect(thumb).toHaveClass('cover-thumb')
    // The same file; each answer signs its own temporary URL, whose expiry second may differ.
    const fileOf = (url: string | null | undefined) => url?.split('?')[0]
    expect(fileOf(thumb.querySelector('taro-image-core, img')?.getAttribute('src'))).toBe(
      fileOf(others[0].coverUrl),
    )
  })
})
