/**
 * 服务记录与证明 and 核验志愿服务证明 as pages against a real emulator: a volunteer's confirmed hours and the
 * year's records behind them, the empty, loading and error states, issuing a certificate (and a plain refusal
 * without a real name that stores nothing); the public verify page shows the verdict, the masked name, the
 * hours and the period and nothing else, says the guess limit in plain Chinese, and only a social worker
 * revokes — after confirming, with a reason, and cancelling changes nothing.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Certificate, CertificateCheck } from '@shared/certificate'
import type { Page } from '@shared/envelope'
import { hoursText } from '@shared/service'
import { shanghaiDay } from '@shared/time'
import type { Me } from '@shared/user'
import MePage from '@/pages/me'
import RecordPage from '@/packages/service/pages/record'
import VerifyPage from '@/packages/service/pages/verify'
import CertificatePage from '@/packages/service/pages/certificate'
import { ROUTES } from '@/routes'
import { become, RESIDENT, routeTo, VOLUNTEER, WORKER } from './needs-support'
import { callAs, startEmulatorForFile, tap, typeInto } from './support/app'

const emulator = startEmulatorForFile()
const WAIT = { timeout: 10_000 }
const DAY = 86_400_000

let navigateTo: jest.SpyInstance
beforeEach(() => {
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  routeTo(ROUTES.serviceRecord)
})
afterEach(() => jest.restoreAllMocks())

const thisYear = () => Number(shanghaiDay(Date.now()).slice(0, 4))

async function issueFor(openid: string): Promise<Certificate> {
  const now = Date.now()
  return callAs<Certificate>(
    emulator(),
    openid,
    { action: 'issue', period: { from: shanghaiDay(now - 400 * DAY), to: shanghaiDay(now) } },
    'certificate',
  )
}

const mine = (openid: string) =>
  callAs<Page<Certificate>>(emulator(), openid, { action: 'mine' }, 'certificate')

describe('服务记录与证明', () => {
  test('我的 opens it for everyone', async () => {
    await become(emulator(), RESIDENT)
    render(<MePage />)
    await tap('服务记录与证明')
    expect(navigateTo).toHaveBeenCalledWith({ url: ROUTES.serviceRecord })
  })

  test('shows a volunteer the confirmed hours and the year’s records: what, where, when, minutes and who confirmed', async () => {
    await become(emulator(), VOLUNTEER)
    const me = await callAs<Me>(emulator(), VOLUNTEER, { action: 'login' })
    const records = await callAs<Page<{ title: string; minutes: number; confirmedBy: string }>>(
      emulator(),
      VOLUNTEER,
      { action: 'records', year: thisYear(), limit: 20 },
      'certificate',
    )
    expect(records.items.length).toBeGreaterThan(0)
    render(<RecordPage />)
    expect(await screen.findByText(hoursText(me.service.minutes), {}, WAIT)).toBeInTheDocument()
    const first = records.items[0]
    expect((await screen.findAllByText(`${first.minutes}分钟`, {}, WAIT)).length).toBeGreaterThan(0)
    expect(screen.getAllByText(new RegExp(`· ${first.confirmedBy}确认$`)).length).toBeGreaterThan(0)
    expect(screen.getByText('还没有开具过证明。')).toBeInTheDocument()
  })

  test('tells a person with no confirmed service in a year so, and shows loading while the records come', async () => {
    await become(emulator(), RESIDENT)
    render(<RecordPage />)
    expect(screen.getAllByText('正在加载…').length).toBeGreaterThan(0)
    expect(await screen.findByText(`${thisYear()}年还没有已确认的服务`, {}, WAIT)).toBeInTheDocument()
  })

  test('shows an error with 重新加载 when the records cannot be read, and the records after retrying', async () => {
    await become(emulator(), VOLUNTEER)
    const realFetch = globalThis.fetch
    let failing = true
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (url: RequestInfo | URL, init?: RequestInit) => {
      if (failing && String(init?.body).includes('"action":"records"'))
        throw new TypeError('network connection lost')
      return realFetch(url, init)
    })
    render(<RecordPage />)
    expect(await screen.findByText('网络不太好，请检查网络后再试', {}, WAIT)).toBeInTheDocument()
    failing = false
    await tap('重新加载')
    expect((await screen.findAllByText(/分钟$/, {}, WAIT)).length).toBeGreaterThan(0)
  })

  test('issues a certificate of this year’s confirmed hours and opens it', async () => {
    await become(emulator(), VOLUNTEER)
    render(<RecordPage />)
    await tap('开具证明')
    await waitFor(() => expect(navigateTo).toHaveBeenCalled(), WAIT)
    const [cert] = (await mine(VOLUNTEER)).items
    expect(cert.period).toEqual({ from: `${thisYear()}-01-01`, to: shanghaiDay(Date.now()) })
    expect(navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.certificate}?serial=${cert.serial}` })
  })

  test('refuses a person without a real name in plain Chinese and stores nothing', async () => {
    await become(emulator(), RESIDENT)
    render(<RecordPage />)
    await tap('开具证明')
    expect(await screen.findByText(/开具证明需要您的真实姓名/, {}, WAIT)).toBeInTheDocument()
    expect(navigateTo).not.toHaveBeenCalled()
    expect((await mine(RESIDENT)).items).toEqual([])
  })

  test('a certificate page does not show another person’s certificate', async () => {
    const theirs = await issueFor(VOLUNTEER)
    await become(emulator(), RESIDENT)
    routeTo(ROUTES.certificate, { serial: theirs.serial })
    render(<CertificatePage />)
    expect(await screen.findByText('没有找到这份证明', {}, WAIT)).toBeInTheDocument()
  })
})

describe('核验志愿服务证明', () => {
  test('shows whoever opens the link the verdict, the masked name, the hours and the period, nothing else', async () => {
    const cert = await issueFor(VOLUNTEER)
    await become(emulator(), RESIDENT)
    routeTo(ROUTES.certificateVerify, { serial: cert.serial })
    render(<VerifyPage />)
    expect(await screen.findByText('有效', {}, WAIT)).toBeInTheDocument()
    expect(screen.getByText('姓名：张*芹')).toBeInTheDocument()
    expect(screen.getByText(`服务时长：共${hoursText(cert.total)}小时`)).toBeInTheDocument()
    const page = document.body.textContent ?? ''
    expect(page).not.toContain('张桂芹')
    expect(page).not.toContain(cert.phoneMasked)
    expect(screen.queryByText('作废这份证明')).not.toBeInTheDocument()
  })

  test('says in plain Chinese when too many wrong serials were tried', async () => {
    await become(emulator(), RESIDENT)
    routeTo(ROUTES.certificateVerify)
    render(<VerifyPage />)
    for (let i = 0; i < 10; i++) {
      await typeInto('例如：XS-2026-12345678-9', `XS-2026-0000000${i}-0`)
      await tap('查询')
      await screen.findByRole('alert', {}, WAIT)
    }
    expect(await screen.findByText(/查询错误的编号次数太多，请\d+分钟后再试/, {}, WAIT)).toBeInTheDocument()
  })

  test('a social worker revokes only after confirming with a reason; cancelling or no reason changes nothing', async () => {
    const cert = await issueFor(VOLUNTEER)
    const check = () =>
      callAs<CertificateCheck>(emulator(), RESIDENT, { action: 'verify', serial: cert.serial }, 'certificate')
    await become(emulator(), WORKER)
    routeTo(ROUTES.certificateVerify, { serial: cert.serial })
    render(<VerifyPage />)
    await tap('作废这份证明')
    expect(await screen.findByText('作废这份证明？')).toBeInTheDocument()
    await tap('再想想')
    await waitFor(() => expect(screen.queryByText('作废这份证明？')).not.toBeInTheDocument())
    expect((await check()).status).toBe('valid')

    await tap('作废这份证明')
    await tap('确认作废')
    expect(await screen.findByText('请填写作废原因')).toBeInTheDocument()
    expect((await check()).status).toBe('valid')

    await typeInto('例如：服务时长记录有误', '时长登记重复')
    fireEvent.click(screen.getByText('确认作废'))
    // The page checks the serial again after revoking: its answer, not the toast, says 已作废.
    expect(await screen.findByText(/这份证明已被社工站作废/, {}, WAIT)).toBeInTheDocument()
    expect(await check()).toMatchObject({ status: 'revoked' })
    expect((await mine(VOLUNTEER)).items[0]).toMatchObject({
      status: 'revoked',
      revokeReason: '时长登记重复',
    })
    expect(screen.queryByText('作废这份证明')).not.toBeInTheDocument()
  })
})
