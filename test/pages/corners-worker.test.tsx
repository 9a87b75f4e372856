import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { AttendanceItem, CheckinCode } from '@shared/activities'
import type { Corner } from '@shared/corners'
import type { PointsSummaryFull } from '@shared/points'
import { activityPoints } from '@shared/points'
import ActivityAttendancePage from '@/packages/worker/pages/activity-attendance'
import ActivityCodePage from '@/packages/worker/pages/activity-code'
import CornersManagePage from '@/packages/worker/pages/corners-manage'
import {
  ONGOING,
  NEWCOMER,
  RESIDENT,
  WORKER,
  activities,
  become,
  currentCode,
  corners,
  openAt,
  publishActivity,
} from './corners-support'
import { ledgerViolations, readLedgerState } from '../helpers/invariants'
import { connectSdk } from '../helpers/sdk'
import { callAs, startEmulatorForFile, tap, typeInto } from './support/app'

const emulator = startEmulatorForFile()

/** Yesterday's “小红帽” activity: 陈志强 checked out, a neighbour checked in and never out. */
const ENDED = 'demo-act-past-xiaohongmao'
const VOLUNTEER = { openid: 'demo-volunteer-chen', name: '陈志强' }

const CODE_PATH = '/packages/worker/pages/activity-code/index'
const ATTENDANCE_PATH = '/packages/worker/pages/activity-attendance/index'
const MANAGE_PATH = '/packages/worker/pages/corners-manage/index'

async function attendance(id: string): Promise<AttendanceItem[]> {
  return (await activities<{ items: AttendanceItem[] }>(emulator(), WORKER, { action: 'attendance', id }))
    .items
}

async function cardOf(text: string): Promise<HTMLElement> {
  return (await screen.findByText(text)).closest('.card') as HTMLElement
}

describe('the 社工 screens of 街头公益角', () => {
  test.each([
    ['the check-in code', ActivityCodePage, CODE_PATH],
    ['attendance', ActivityAttendancePage, ATTENDANCE_PATH],
    ['公益角管理', CornersManagePage, MANAGE_PATH],
  ])('a resident opening %s sees 仅社工可以使用 and nothing of it', async (_name, Page, path) => {
    await become(emulator(), RESIDENT)
    openAt(Page, path, { id: ONGOING })

    expect(await screen.findByText('仅社工可以使用')).toBeInTheDocument()
    expect(screen.queryByText('签到码')).not.toBeInTheDocument()
    expect(screen.queryByText('确认时长')).not.toBeInTheDocument()
  })

  test('the code screen shows the current code in large digits with its QR code, and a countdown', async () => {
    const before = await activities<CheckinCode>(emulator(), WORKER, { action: 'checkinCode', id: ONGOING })
    await become(emulator(), WORKER)
    openAt(ActivityCodePage, CODE_PATH, { id: ONGOING })

    const digits = await screen.findByLabelText(/^签到码 \d{6}$/)
    const after = await activities<CheckinCode>(emulator(), WORKER, { action: 'checkinCode', id: ONGOING })
    const shown = digits.textContent!.replace(/\s+/g, '')
    // The screen asked between the two: its code is one of theirs.
    expect([before.code, after.code]).toContain(shown)
    expect(digits.textContent).toBe(`${shown.slice(0, 3)} ${shown.slice(3)}`)
    expect(screen.getByLabelText('签到二维码')).toBeInTheDocument()
    expect(screen.getByText(/^\d+ 秒后自动换新码$/)).toBeInTheDocument()
    expect(await screen.findByText('石门百景：老照片展现场讲解')).toBeInTheDocument()
  })

  test('before check-in opens, the code screen says from when the code will appear and shows no code', async () => {
    const later = await publishActivity(
      emulator(),
      { projectId: 'project-shimenbaijing', title: '老照片展布展' },
      72,
    )
    await become(emulator(), WORKER)
    openAt(ActivityCodePage, CODE_PATH, { id: later.id })

    expect(await screen.findByText('还没到签到时间')).toBeInTheDocument()
    expect(screen.getByText(/起，这里会自动出现签到码。$/)).toBeInTheDocument()
    expect(screen.queryByLabelText(/^签到码 \d{6}$/)).not.toBeInTheDocument()
    expect(screen.queryByText('没能打开')).not.toBeInTheDocument()
    expect(screen.queryByText('马上换新码')).not.toBeInTheDocument()
  })

  test('two hours after the end, the code screen says check-in is over and points to the attendance list', async () => {
    await become(emulator(), WORKER)
    openAt(ActivityCodePage, CODE_PATH, { id: ENDED })

    expect(await screen.findByText('签到已经结束')).toBeInTheDocument()
    expect(screen.queryByLabelText(/^签到码 \d{6}$/)).not.toBeInTheDocument()
    expect(screen.getByText('签到名单')).toBeInTheDocument()
  })

  test('before the activity starts, attendance lists who signed up and offers no minutes to confirm', async () => {
    const later = await publishActivity(
      emulator(),
      { projectId: 'project-shimenbaijing', title: '老照片展撤展' },
      72,
    )
    // 赵丽 holds no other place, so whatever day the test runs on, nothing clashes with this one.
    await activities(emulator(), NEWCOMER, { action: 'signup', id: later.id })
    await become(emulator(), WORKER)
    openAt(ActivityAttendancePage, ATTENDANCE_PATH, { id: later.id })

    const card = await cardOf('赵丽')
    expect(within(card).getByText('活动开始后，才能在这里确认服务时长。')).toBeInTheDocument()
    expect(within(card).queryByText('确认时长')).not.toBeInTheDocument()
  })

  test('confirms a checked-out person’s minutes after showing the points, and credits them once', async () => {
    const row = (await attendance(ENDED)).find((i) => i.openid === VOLUNTEER.openid)!
    expect(row.state).toBe('checked-out')
    const points = activityPoints(row.minutes!, 10)
    const before = await callAs<PointsSummaryFull>(
      emulator(),
      VOLUNTEER.openid,
      { action: 'summary' },
      'points',
    )
    await become(emulator(), WORKER)
    openAt(ActivityAttendancePage, ATTENDANCE_PATH, { id: ENDED })

    const card = await cardOf(VOLUNTEER.name)
    expect(within(card).getByText('已签退')).toBeInTheDocument()
    expect(await within(card).findByDisplayValue(String(row.minutes))).toBeInTheDocument()
    await tap('确认时长', card)
    expect(await screen.findByText('确认服务时长？')).toBeInTheDocument()
    expect(screen.getByText(new RegExp(`将发放 ${points} 积分`))).toBeInTheDocument()
    await tap('确认并发积分')

    expect(await within(card).findByText(/^已确认 .+，发了 \d+ 积分$/)).toHaveTextContent(
      `发了 ${points} 积分`,
    )
    expect(within(card).queryByText('确认时长')).not.toBeInTheDocument()
    const after = await callAs<PointsSummaryFull>(
      emulator(),
      VOLUNTEER.openid,
      { action: 'summary' },
      'points',
    )
    expect(after.balance).toBe(before.balance + points)
    // Asking again changes nothing.
    await activities(emulator(), WORKER, { action: 'confirm', id: ENDED, openid: VOLUNTEER.openid })
    const again = await callAs<PointsSummaryFull>(
      emulator(),
      VOLUNTEER.openid,
      { action: 'summary' },
      'points',
    )
    expect(again.balance).toBe(after.balance)
  })

  test('confirms everyone who checked out in one step after a confirmation naming them, crediting each once; the books balance', async () => {
    // Two neighbours sign up for an activity starting in 20 minutes, check in at its start and out 50 minutes later.
    const shift = await publishActivity(
      emulator(),
      { projectId: 'project-shimenbaijing', title: '老照片展布展', pointsPerHour: 12 },
      1 / 3,
    )
    // Two people new to the app, so that nothing they signed up for before overlaps.
    const people = ['test-neighbour-sun', 'test-neighbour-zhou']
    for (const [i, who] of people.entries()) {
      await callAs(emulator(), who, { action: 'updateProfile', nickname: ['孙桂兰', '周建华'][i] })
      await activities(emulator(), who, { action: 'signup', id: shift.id })
    }
    await emulator().advanceClock(shift.startAt - (await emulator().now()))
    for (const who of people)
      await activities(emulator(), who, {
        action: 'checkin',
        id: shift.id,
        code: await currentCode(emulator(), shift.id),
      })
    await emulator().advanceClock(50 * 60_000)
    for (const who of people)
      await activities(emulator(), who, {
        action: 'checkout',
        id: shift.id,
        code: await currentCode(emulator(), shift.id),
      })
    const rows = await attendance(shift.id)
    expect(rows.map((r) => r.state)).toEqual(['checked-out', 'checked-out'])
    const points = rows.map((r) => activityPoints(r.minutes!, 12))
    const balance = (openid: string) =>
      callAs<PointsSummaryFull>(emulator(), openid, { action: 'summary' }, 'points').then((s) => s.balance)
    const before = await Promise.all(people.map(balance))

    await become(emulator(), WORKER)
    openAt(ActivityAttendancePage, ATTENDANCE_PATH, { id: shift.id })
    await tap('一次确认已签退的 2 人')
    expect(await screen.findByText('确认已签退的 2 人？')).toBeInTheDocument()
    const names = rows.map((r) => r.name).join('、')
    expect(
      screen.getByText(new RegExp(`将发放 ${points[0] + points[1]} 积分（每小时 12 分）：${names}。`)),
    ).toBeInTheDocument()
    // 再想想 changes nothing.
    await tap('再想想')
    expect((await attendance(shift.id)).map((r) => r.state)).toEqual(['checked-out', 'checked-out'])

    await tap('一次确认已签退的 2 人')
    await tap('全部确认并发积分')
    for (const row of rows) {
      const card = await cardOf(row.name)
      await within(card).findByText(/^已确认 /)
    }
    expect(screen.queryByText(/^一次确认已签退/)).not.toBeInTheDocument()
    const after = await attendance(shift.id)
    expect(after.map((r) => [r.state, r.points])).toEqual([
      ['confirmed', points[0]],
      ['confirmed', points[1]],
    ])
    expect(await Promise.all(people.map(balance))).toEqual(before.map((b, i) => b + points[i]))
    expect(ledgerViolations(await readLedgerState(connectSdk(emulator().url)))).toEqual([])
  })

  test('asks for the minutes of someone who never checked out, and credits what the worker typed', async () => {
    const row = (await attendance(ENDED)).find((i) => i.state === 'checked-in')!
    await become(emulator(), WORKER)
    openAt(ActivityAttendancePage, ATTENDANCE_PATH, { id: ENDED })

    const card = await cardOf(row.name)
    expect(within(card).getByText('签到后没有签退，请按实际情况填写分钟数。')).toBeInTheDocument()
    await tap('确认时长', card)
    expect(within(card).getByText('请填写服务了多少分钟')).toBeInTheDocument()
    await typeInto('分钟数', '90')
    await tap('确认时长', card)
    expect(await screen.findByText(/给.+记 1小时30分钟，将发放 15 积分/)).toBeInTheDocument()
    await tap('确认并发积分')

    await within(card).findByText('已确认 1小时30分钟，发了 15 积分')
    const confirmed = (await attendance(ENDED)).find((i) => i.openid === row.openid)!
    expect(confirmed).toMatchObject({ state: 'confirmed', minutes: 90, points: 15 })
  })

  test('公益角管理 creates a corner with its place and weekly schedule', async () => {
    await become(emulator(), WORKER)
    openAt(CornersManagePage, MANAGE_PATH)

    await tap('公益角')
    await tap('新建公益角')
    await typeInto('例如：世纪公园', '体育公园东门')
    await typeInto('例如：裕华区槐安东路与建华南大街交口', '裕华区体育南大街188号')
    await typeInto('纬度，如 38.0215', '38.0301')
    await typeInto('经度，如 114.542', '114.5333')
    await tap('周三')
    await tap('保存')

    expect(await screen.findByText('体育公园东门')).toBeInTheDocument()
    const { items } = await corners<{ items: Corner[] }>(emulator(), WORKER, { action: 'list' })
    expect(items.find((c) => c.name === '体育公园东门')).toMatchObject({
      kind: 'park',
      address: '裕华区体育南大街188号',
      location: { lat: 38.0301, lng: 114.5333 },
      schedule: { weekdays: [0, 3, 6], start: '09:00', end: '11:30' },
    })
    await waitFor(() => expect(screen.getByText('每周三、周六、周日 09:00-11:30')).toBeInTheDocument())
  })

  test('the worker’s activity list says 活动已开始 for an activity under way, as the project page does, never 报名中', async () => {
    await become(emulator(), WORKER)
    openAt(CornersManagePage, MANAGE_PATH)
    // A fresh emulator's first login may be slow on a busy machine.
    await screen.findByText('活动', undefined, { timeout: 10_000 })
    await tap('活动')

    const card = await cardOf('石门百景：老照片展现场讲解')
    expect(within(card).getByText('活动已开始')).toBeInTheDocument()
    expect(within(card).queryByText('报名中')).not.toBeInTheDocument()
  })

  test('a new activity’s pickers offer no past day or time and at most a year ahead, in Beijing time', async () => {
    await become(emulator(), WORKER)
    openAt(CornersManagePage, MANAGE_PATH)
    // A fresh emulator's first login may be slow on a busy machine.
    await screen.findByText('活动', undefined, { timeout: 10_000 })
    await tap('活动')
    await tap('发布社区活动（不属于项目，如环境整治）')
    await screen.findByText('发布活动')

    const now = Date.now()
    const beijingDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10)
    const pickers = Array.from(document.querySelectorAll('taro-picker-core')) as Array<
      HTMLElement & { start?: string; end?: string; mode?: string }
    >
    const date = pickers.find((p) => p.mode === 'date')!
    expect([date.start, date.end]).toEqual([beijingDay(now), beijingDay(now + 365 * 86_400_000)])
    // The date starts on tomorrow: any time of day is in the future, and the end follows the start.
    const [start, end] = pickers.filter((p) => p.mode === 'time')
    expect(start.start).toBeFalsy()
    expect(end.start).toBe('09:00')

    // Today: the start can be no earlier than the next five minutes (Beijing time).
    fireEvent(date, new CustomEvent('change', { detail: { value: beijingDay(now) } }))
    const soonest = new Date(Math.ceil(now / 300_000) * 300_000 + 8 * 3600_000).toISOString().slice(11, 16)
    await waitFor(() => expect(start.start).toBe(soonest))
  })
})
