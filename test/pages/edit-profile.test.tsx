import { render, screen } from '@testing-library/react'
import type { Me } from '@shared/user'
import EditProfilePage from '@/packages/profile/pages/edit'
import { rememberAgreementInBrowser } from '@/services/privacy'
import { actAs, callAs, findIdentity, tap, typeInto, startEmulatorForFile } from './support/app'

const emulator = startEmulatorForFile()

describe('编辑资料', () => {
  test('saves a new nickname and community', async () => {
    const resident = await findIdentity(emulator(), 'resident')
    actAs(resident)
    render(<EditProfilePage />)
    await screen.findByText('保存')

    await typeInto('例如：王阿姨', '王阿姨')
    await typeInto('例如：建华南社区', '建华南社区')
    await tap('保存')

    expect(await screen.findByText('已保存')).toBeInTheDocument()
    const me = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
    expect(me.profile).toMatchObject({ nickname: '王阿姨', community: '建华南社区' })
  })

  test('refuses a bad phone number with the Chinese message and saves nothing', async () => {
    const resident = await findIdentity(emulator(), 'resident')
    const before = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
    actAs(resident)
    render(<EditProfilePage />)
    await screen.findByText('保存')

    await typeInto('11位手机号', '2345')
    await tap('保存')

    expect(await screen.findByText('手机号应为11位数字，以1开头')).toBeInTheDocument()
    const after = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
    expect(after.profile).toEqual(before.profile)
  })

  test('verifies the phone number the WeChat way (the emulator answers for the demo person) and says so', async () => {
    const resident = await findIdentity(emulator(), 'resident')
    const before = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
    // A person who agreed to the privacy policy before (test/pages/privacy.test.tsx asks first).
    rememberAgreementInBrowser()
    actAs(resident)
    render(<EditProfilePage />)
    await screen.findByText('手机号还没有验证：验证后社工能认出是您本人')

    await tap('用微信绑定的手机号验证')

    expect(await screen.findByText(`手机号 ${before.profile.phoneMasked} 已验证`)).toBeInTheDocument()
    const me = await callAs<Me>(emulator(), resident.openid, { action: 'login' })
    expect(me.profile).toMatchObject({ phoneMasked: before.profile.phoneMasked, phoneVerified: true })
  })
})
