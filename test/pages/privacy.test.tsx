/**
 * 隐私授权 in the browser build: before the location, the album or the phone number is first used, the
 * 隐私保护提示 sheet asks; 不同意 uses nothing, 同意 lets the step go on and is remembered. The 隐私政策 page
 * says what is kept, why, who sees it, how long and how to have it removed, and is reached from 我的 and the sheet.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me } from '@shared/user'
import MePage from '@/pages/me'
import HomePage from '@/pages/home'
import EditProfilePage from '@/packages/profile/pages/edit'
import PrivacyPolicyPage from '@/packages/profile/pages/privacy'
import { POLICY } from '@/packages/profile/pages/privacy/policy'
import { ROUTES } from '@/routes'
import { privacyAgreed } from '@/services/privacy'
import { actAs, callAs, findIdentity, tap, waitForGone, startEmulatorForFile } from './support/app'

const emulator = startEmulatorForFile()

const SHEET = '隐私保护提示'
const VERIFY = '用微信绑定的手机号验证'

afterEach(() => jest.restoreAllMocks())

/** A resident on 编辑资料, with their profile as it was before. */
async function openProfileAsResident() {
  const resident = await findIdentity(emulator(), 'resident')
  const before = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
  actAs(resident)
  render(<EditProfilePage />)
  await screen.findByText(VERIFY)
  return { resident, before }
}

/** The phone answers where it is whenever asked; the spy tells whether it was. */
function phoneKnowsWhereItIs(): jest.SpyInstance {
  return jest.spyOn(Taro, 'getLocation').mockResolvedValue({
    latitude: 38.04,
    longitude: 114.51,
    errMsg: 'getLocation:ok',
  } as Taro.getLocation.SuccessCallbackResult)
}

describe('隐私保护提示', () => {
  test('comes up before the phone number is first used; 不同意 verifies nothing and says so', async () => {
    const { resident, before } = await openProfileAsResident()

    await tap(VERIFY)
    expect(await screen.findByText(SHEET)).toBeInTheDocument()
    expect(screen.getByText(/这一步要用到您的手机号/)).toBeInTheDocument()
    // The refusal reaches the page a moment after the tap: inside act, so the page's answer to it is awaited.
    await act(async () => {
      await tap('不同意')
    })

    await waitForGone(SHEET)
    expect(await screen.findByText('没有拿到手机号，可以再点一次，或直接填写手机号')).toBeInTheDocument()
    expect(await privacyAgreed()).toBe(false)
    const after = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
    expect(after.profile).toEqual(before.profile)
  })

  test('同意 lets the step go on, and is remembered: the next private step asks nothing', async () => {
    const { resident, before } = await openProfileAsResident()

    await tap(VERIFY)
    await tap('同意并继续')

    expect(await screen.findByText(`手机号 ${before.profile.phoneMasked} 已验证`)).toBeInTheDocument()
    expect(screen.queryByText(SHEET)).not.toBeInTheDocument()
    expect(await privacyAgreed()).toBe(true)
    const me = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
    expect(me.profile.phoneVerified).toBe(true)

    // 首页 now knows where the phone is without asking again.
    const located = phoneKnowsWhereItIs()
    render(<HomePage />)
    await waitFor(() => expect(located).toHaveBeenCalled())
    expect(screen.queryByText(SHEET)).not.toBeInTheDocument()
  })

  test('首页 does not ask the phone where it is before the person agreed; 重新定位 asks first', async () => {
    const located = phoneKnowsWhereItIs()
    actAs(await findIdentity(emulator(), 'resident'))
    render(<HomePage />)

    expect(await screen.findByText('未获得位置，按默认位置排序')).toBeInTheDocument()
    expect(located).not.toHaveBeenCalled()
    expect(screen.queryByText(SHEET)).not.toBeInTheDocument()

    fireEvent.click(screen.getByText('重新定位'))
    expect(await screen.findByText(SHEET)).toBeInTheDocument()
    expect(screen.getByText(/这一步要用到您的位置/)).toBeInTheDocument()
    expect(located).not.toHaveBeenCalled()
    await tap('同意并继续')

    await waitFor(() => expect(located).toHaveBeenCalledTimes(1))
    await waitForGone('未获得位置，按默认位置排序')
  })

  test('links to the 隐私政策 page', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo')
    actAs(await findIdentity(emulator(), 'resident'))
    render(<EditProfilePage />)
    await tap(VERIFY)
    await tap('阅读《小社隐私政策》')
    expect(navigateTo).toHaveBeenCalledWith({ url: ROUTES.privacy })
  })
})

describe('隐私政策', () => {
  test('is on 我的 for everyone', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo')
    actAs(await findIdentity(emulator(), 'resident'))
    render(<MePage />)
    await tap('隐私政策')
    expect(navigateTo).toHaveBeenCalledWith({ url: ROUTES.privacy })
  })

  test('says what is kept and why, who sees a need’s address and phone, how long, and how to have it removed', async () => {
    actAs(await findIdentity(emulator(), 'resident'))
    render(<PrivacyPolicyPage />)
    expect(await screen.findByText('小社隐私政策')).toBeInTheDocument()
    for (const title of ['我们收集什么，为什么收集', '谁能看到', '保存多久', '怎样要求删除'])
      expect(screen.getByText(title)).toBeInTheDocument()
    const text = document.body.textContent ?? ''
    for (const section of POLICY) for (const line of section.lines) expect(text).toContain(line)
    // docs/API.md “Addresses and phone numbers”: requester, workers, and the assignee while serving.
    expect(text).toMatch(/求助的地址和电话：只有您自己、社区社工，以及接了这单、正在帮您的志愿者能看到/)
    expect(text).toMatch(/139\*\*\*\*5678/)
    expect(text).toMatch(/志愿者申请里的手机号：只有社工能看到/)
    expect(text).toMatch(/15个工作日内删除/)
    // No 同意 / 不同意 when nobody asked.
    expect(screen.queryByText('同意并继续')).not.toBeInTheDocument()
  })
})
