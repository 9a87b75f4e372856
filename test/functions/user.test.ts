/**
 * The `user` function over /fn, as the app calls it: who may do what, what bad input gets, and that a
 * refusal changes nothing.
 */
import type { Me, PersonSummary, RoleHolder, VolunteerApplication } from '../../types/user'
import type { Page } from '../../types/envelope'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import type { Sdk } from '../helpers/sdk'

const ADMIN = 'admin-worker'
let emu: Emulator
let sdk: Sdk

startEmulatorForFile({ seed: 'none', adminOpenids: [ADMIN], reset: 'demo' }, (started, connected) => {
  emu = started
  sdk = connected
})

const user = <T>(data: object, openid?: string) => emu.call<T>('user', data, openid)

async function usersSnapshot(): Promise<unknown[]> {
  const res = await sdk.db.collection('users').orderBy('_id', 'asc').limit(1000).get()
  return res.data
}

/** Asserts the call is refused with `code` and the users collection is exactly as before. */
async function refusedWithoutChange(code: string, data: object, openid?: string): Promise<string> {
  const before = await usersSnapshot()
  const res = await user(data, openid)
  expect(res).toMatchObject({ ok: false, code })
  expect(typeof res.message).toBe('string')
  expect(res.message).toMatch(/[\u4e00-\u9fa5]/)
  expect(await usersSnapshot()).toEqual(before)
  return res.message!
}

describe('login', () => {
  it('creates the caller’s record on the first call and answers roles, profile and points', async () => {
    const res = await user<Me>({ action: 'login' }, 'brand-new')
    expect(res.ok).toBe(true)
    expect(res.data).toEqual({
      openid: 'brand-new',
      roles: ['resident'],
      profile: { nickname: '', community: '', phoneMasked: '', phoneVerified: false, elderMode: false },
      volunteer: null,
      merchantId: null,
      points: { balance: 0, held: 0, available: 0, earned: 0, spent: 0 },
      service: { minutes: 0, need: 0, activity: 0, visit: 0 },
    })
    expect((await sdk.db.collection('users').doc('brand-new').get()).data.openid).toBe('brand-new')
  })

  it('refuses an anonymous caller with unauthenticated', async () => {
    await refusedWithoutChange('unauthenticated', { action: 'login' })
  })

  it('creates exactly one record when 20 first calls of one person race', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => user<Me>({ action: 'login' }, 'racer')),
    )
    expect(answers.every((a) => a.ok)).toBe(true)
    expect((await sdk.db.collection('users').where({ openid: 'racer' }).count()).total).toBe(1)
  })

  it('answers each of 40 concurrent callers with its own record', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_v, i) => user<Me>({ action: 'login' }, `p-${i}`)),
    )
    answers.forEach((a, i) => expect(a.data?.openid).toBe(`p-${i}`))
  })

  it('masks the phone number and shows the volunteer status', async () => {
    const res = await user<Me>({ action: 'login' }, 'demo-volunteer-zhang')
    expect(res.data?.profile.phoneMasked).toBe('139****0003')
    expect(res.data?.roles).toEqual(['resident', 'volunteer'])
    expect(res.data?.volunteer).toMatchObject({ status: 'approved', realName: '张桂芹' })
    expect(JSON.stringify(res.data)).not.toContain('13931200003')
  })
})

describe('identity comes only from WeChat', () => {
  it.each([
    [{ openid: 'demo-worker-liu' }],
    [{ _openid: 'demo-worker-liu' }],
    [{ OPENID: 'demo-worker-liu' }],
    [{ unionid: 'x' }],
  ])('refuses the claim %p as an unknown field and changes nothing', async (claim) => {
    await refusedWithoutChange(
      'invalid-argument',
      { action: 'updateProfile', nickname: '冒充', ...claim },
      'demo-resident-li',
    )
  })

  it('ignores a userInfo in the payload, which the platform overwrites', async () => {
    const res = await user<Me>(
      { action: 'login', userInfo: { openId: 'demo-worker-liu' } },
      'demo-resident-li',
    )
    expect(res.data?.openid).toBe('demo-resident-li')
    expect(res.data?.roles).toEqual(['resident'])
  })

  it('does not let a resident review volunteers by claiming to be a worker', async () => {
    await refusedWithoutChange(
      'invalid-argument',
      {
        action: 'reviewVolunteer',
        openid: 'demo-resident-zhao',
        approve: true,
        userInfo: {},
        _openid: 'demo-worker-liu',
      },
      'demo-resident-li',
    )
    await refusedWithoutChange(
      'permission-denied',
      {
        action: 'reviewVolunteer',
        openid: 'demo-resident-zhao',
        approve: true,
        userInfo: { openId: 'demo-worker-liu' },
      },
      'demo-resident-li',
    )
  })
})

describe('updateProfile', () => {
  it('saves the fields given and answers the updated profile', async () => {
    const res = await user<Me>(
      {
        action: 'updateProfile',
        nickname: '老李',
        phone: '13912345678',
        community: '槐中路社区',
        elderMode: true,
      },
      'demo-resident-li',
    )
    expect(res.data?.profile).toEqual({
      nickname: '老李',
      community: '槐中路社区',
      phoneMasked: '139****5678',
      phoneVerified: false,
      elderMode: true,
    })
    expect((await user<Me>({ action: 'login' }, 'demo-resident-li')).data?.profile.nickname).toBe('老李')
  })

  it.each([
    [{ phone: '12345' }, '手机号'],
    [{ phone: 13912345678 }, '手机号'],
    [{ nickname: '' }, '昵称'],
    [{ nickname: '长'.repeat(21) }, '昵称'],
    [{ elderMode: 'yes' }, '关怀模式'],
    [{ address: { $gt: '' } }, '住址'],
    [{ unknownField: 1 }, '不认识'],
  ])('refuses %p with a Chinese message naming the problem, changing nothing', async (bad, word) => {
    const message = await refusedWithoutChange(
      'invalid-argument',
      { action: 'updateProfile', ...bad },
      'demo-resident-li',
    )
    expect(message).toContain(word)
  })

  it('refuses a nickname with risky words (content-rejected), changing nothing', async () => {
    await refusedWithoutChange(
      'content-rejected',
      { action: 'updateProfile', nickname: '赌博大王' },
      'demo-resident-li',
    )
  })

  it('refuses an unknown action', async () => {
    await refusedWithoutChange('invalid-argument', { action: 'deleteEverything' }, 'demo-resident-li')
    await refusedWithoutChange('invalid-argument', { action: '__proto__' }, 'demo-resident-li')
    await refusedWithoutChange('invalid-argument', {}, 'demo-resident-li')
  })
})

describe('volunteer applications', () => {
  const application = {
    action: 'applyVolunteer',
    realName: '李建国',
    phone: '13503110007',
    skills: ['驾驶', '理发'],
  }

  it('puts an application into the review queue as pending', async () => {
    const res = await user<Me>(application, 'demo-resident-li')
    expect(res.data?.volunteer).toEqual({ status: 'pending', realName: '李建国', skills: ['驾驶', '理发'] })
    const queue = await user<Page<VolunteerApplication>>({ action: 'listVolunteers' }, 'demo-worker-liu')
    expect(queue.data?.items.map((i) => i.openid)).toEqual(['demo-resident-zhao', 'demo-resident-li'])
  })

  it.each([
    [{ realName: '李' }, '真实姓名'],
    [{ realName: 'Li123' }, '真实姓名'],
    [{ phone: '1350311000' }, '手机号'],
    [{ skills: [] }, '技能'],
    [{ skills: Array.from({ length: 11 }, (_v, i) => `技能${i}`) }, '技能'],
    [{ skills: 'driving' }, '技能'],
  ])('refuses %p and changes nothing', async (bad, word) => {
    const message = await refusedWithoutChange(
      'invalid-argument',
      { ...application, ...bad },
      'demo-resident-li',
    )
    expect(message).toContain(word)
  })

  it('refuses an application from someone who already is a volunteer', async () => {
    await refusedWithoutChange('failed-precondition', application, 'demo-volunteer-zhang')
  })

  it('lets ONLY workers review, approve gives the volunteer role and notifies the applicant', async () => {
    await refusedWithoutChange(
      'permission-denied',
      { action: 'reviewVolunteer', openid: 'demo-resident-zhao', approve: true },
      'demo-volunteer-zhang',
    )
    const res = await user<RoleHolder>(
      { action: 'reviewVolunteer', openid: 'demo-resident-zhao', approve: true },
      'demo-worker-liu',
    )
    expect(res.data).toMatchObject({
      openid: 'demo-resident-zhao',
      roles: ['resident', 'volunteer'],
      volunteer: { status: 'approved' },
    })
    expect((await user<Me>({ action: 'login' }, 'demo-resident-zhao')).data?.roles).toContain('volunteer')
    const last = (await emu.outbox()).at(-1)
    expect(last).toMatchObject({ api: 'subscribeMessage.send', payload: { touser: 'demo-resident-zhao' } })
    await refusedWithoutChange(
      'failed-precondition',
      { action: 'reviewVolunteer', openid: 'demo-resident-zhao', approve: true },
      'demo-worker-liu',
    )
  })

  it('requires a reason to refuse, and a refusal or suspension removes the role', async () => {
    const message = await refusedWithoutChange(
      'invalid-argument',
      { action: 'reviewVolunteer', openid: 'demo-resident-zhao', approve: false },
      'demo-worker-liu',
    )
    expect(message).toContain('原因')
    const suspended = await user<RoleHolder>(
      { action: 'reviewVolunteer', openid: 'demo-volunteer-chen', approve: false, reason: '长期未参加活动' },
      'demo-worker-liu',
    )
    expect(suspended.data?.roles).toEqual(['resident'])
    expect(suspended.data?.volunteer).toMatchObject({ status: 'rejected', reason: '长期未参加活动' })
  })

  it('answers not-found for a person without an application or never seen', async () => {
    await refusedWithoutChange(
      'not-found',
      { action: 'reviewVolunteer', openid: 'demo-resident-wang', approve: true },
      'demo-worker-liu',
    )
    await refusedWithoutChange(
      'not-found',
      { action: 'reviewVolunteer', openid: 'nobody-at-all', approve: true },
      'demo-worker-liu',
    )
  })

  it('pages the list with a cursor until nextCursor is null, each item once', async () => {
    for (let i = 0; i < 7; i++) {
      await user({ ...application, realName: `申请人${'甲乙丙丁戊己庚'[i]}` }, `applicant-${i}`)
    }
    const seen: string[] = []
    let cursor: string | null | undefined
    let pages = 0
    do {
      const page = await user<Page<VolunteerApplication>>(
        { action: 'listVolunteers', status: 'pending', limit: 3, ...(cursor ? { cursor } : {}) },
        'demo-worker-liu',
      )
      seen.push(...page.data!.items.map((i) => i.openid))
      cursor = page.data!.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toEqual(['demo-resident-zhao', ...Array.from({ length: 7 }, (_v, i) => `applicant-${i}`)])
    await refusedWithoutChange(
      'invalid-argument',
      { action: 'listVolunteers', cursor: 'garbage!' },
      'demo-worker-liu',
    )
    await refusedWithoutChange('invalid-argument', { action: 'listVolunteers', limit: 21 }, 'demo-worker-liu')
  })
})

describe('findPeople', () => {
  it('finds people by name, by the last four digits of their phone, and only approved volunteers by role', async () => {
    const byName = await user<{ items: PersonSummary[] }>(
      { action: 'findPeople', q: '秀英' },
      'demo-worker-liu',
    )
    expect(byName.data!.items.map((p) => p.openid)).toEqual(['demo-resident-wang'])
    expect(byName.data!.items[0].phoneMasked).toBe('136****0005')
    expect(JSON.stringify(byName.data)).not.toContain('13603110005')
    const byPhone = await user<{ items: PersonSummary[] }>(
      { action: 'findPeople', q: '0007' },
      'demo-worker-liu',
    )
    expect(byPhone.data!.items.map((p) => p.openid)).toEqual(['demo-resident-li'])
    const volunteers = await user<{ items: PersonSummary[] }>(
      { action: 'findPeople', role: 'volunteer' },
      'demo-worker-liu',
    )
    expect(volunteers.data!.items.length).toBeGreaterThanOrEqual(2)
    expect(
      volunteers.data!.items.every((p) => p.volunteerStatus === 'approved' && p.roles.includes('volunteer')),
    ).toBe(true)
    const regex = await user<{ items: PersonSummary[] }>({ action: 'findPeople', q: '.*' }, 'demo-worker-liu')
    expect(regex.data!.items).toEqual([])
  })

  it('finds the staff of one shop', async () => {
    const staff = await user<{ items: PersonSummary[] }>(
      { action: 'findPeople', role: 'merchant', merchantId: 'shop-huimin' },
      'demo-worker-liu',
    )
    expect(staff.data!.items.map((p) => p.openid)).toEqual(['demo-merchant-zhou'])
    const none = await user<{ items: PersonSummary[] }>(
      { action: 'findPeople', role: 'merchant', merchantId: 'shop-nowhere' },
      'demo-worker-liu',
    )
    expect(none.data!.items).toEqual([])
  })

  it('is for workers only', async () => {
    await refusedWithoutChange('permission-denied', { action: 'findPeople', q: '王' }, 'demo-volunteer-zhang')
  })
})

describe('verified phone numbers', () => {
  const WANG = 'demo-resident-wang'
  const WANG_PHONE = '13603110005'
  const IMPOSTOR = 'impostor-1'
  const verify = (code: string, openid: string) => user<Me>({ action: 'verifyPhone', code }, openid)
  const find = async (q: string) =>
    (await user<{ items: PersonSummary[] }>({ action: 'findPeople', q }, 'demo-worker-liu')).data!.items

  it('verifies a number the WeChat way, and shows workers what tells two people with one name and number apart', async () => {
    // A stranger copies her nickname and types her number.
    expect(
      await user(
        { action: 'updateProfile', nickname: '王秀英', phone: WANG_PHONE, community: '槐中路社区' },
        IMPOSTOR,
      ),
    ).toMatchObject({ ok: true, data: { profile: { phoneVerified: false } } })
    const verified = await verify(await emu.phoneCode(WANG), WANG)
    expect(verified).toMatchObject({
      ok: true,
      data: { profile: { phoneMasked: '136****0005', phoneVerified: true } },
    })
    const found = await find(WANG_PHONE)
    expect(found.map((p) => [p.openid, p.phoneVerified])).toEqual([
      [WANG, true],
      [IMPOSTOR, false],
    ])
    expect(found[0].phoneVerifiedAt).toEqual(expect.any(Number))
    expect(found[1].phoneVerifiedAt).toBeNull()
    expect(found[0].since).toBeLessThan(found[1].since)
    expect(JSON.stringify(found)).not.toContain(WANG_PHONE)
  })

  it('lets one verified number belong to one account only', async () => {
    expect((await verify(await emu.phoneCode(WANG), WANG)).ok).toBe(true)
    // Another account presents a code that answers the same number.
    await user({ action: 'login' }, IMPOSTOR)
    const before = await usersSnapshot()
    const res = await verify(await emu.phoneCode(WANG), IMPOSTOR)
    expect(res).toMatchObject({ ok: false, code: 'already-exists' })
    expect(res.message).toContain('社工站')
    expect(await usersSnapshot()).toEqual(before)
  })

  it('refuses a code that is made up or used twice, and changes nothing', async () => {
    const code = await emu.phoneCode(WANG)
    expect((await verify(code, WANG)).ok).toBe(true)
    const before = await usersSnapshot()
    for (const bad of [code, 'made-up-code-123']) {
      const res = await verify(bad, 'demo-resident-li')
      expect(res).toMatchObject({ ok: false, code: 'failed-precondition' })
      expect(res.message).toContain('验证')
    }
    expect(await usersSnapshot()).toEqual(before)
  })

  it('makes a number typed over a verified one unverified, and frees the verified one', async () => {
    expect((await verify(await emu.phoneCode(WANG), WANG)).ok).toBe(true)
    expect(await user({ action: 'updateProfile', phone: '13900001111' }, WANG)).toMatchObject({
      data: { profile: { phoneVerified: false } },
    })
    // The number she no longer claims can be verified by whoever WeChat says owns it.
    expect((await verify(await emu.phoneCode(WANG), IMPOSTOR)).ok).toBe(true)
  })
})

describe('roles', () => {
  it('grants the merchant role only with an existing shop, and binds the person to it', async () => {
    await refusedWithoutChange(
      'invalid-argument',
      { action: 'grantRole', openid: 'demo-resident-li', role: 'merchant' },
      'demo-worker-liu',
    )
    await refusedWithoutChange(
      'not-found',
      { action: 'grantRole', openid: 'demo-resident-li', role: 'merchant', merchantId: 'no-such-shop' },
      'demo-worker-liu',
    )
    const res = await user<RoleHolder>(
      {
        action: 'grantRole',
        openid: 'demo-resident-li',
        role: 'merchant',
        merchantId: 'shop-renhe-pharmacy',
      },
      'demo-worker-liu',
    )
    expect(res.data).toMatchObject({ roles: ['resident', 'merchant'], merchantId: 'shop-renhe-pharmacy' })
  })

  it('creates the user of an openid never seen when granting to it', async () => {
    const res = await user<RoleHolder>(
      { action: 'grantRole', openid: 'future-worker', role: 'worker' },
      'demo-worker-liu',
    )
    expect(res.data?.roles).toEqual(['resident', 'worker'])
    const me = await user<Me>({ action: 'login' }, 'future-worker')
    expect(me.data?.roles).toEqual(['resident', 'worker'])
  })

  it('revokes the worker role, after which the person may no longer act as a worker', async () => {
    await user({ action: 'revokeRole', openid: 'demo-worker-sun', role: 'worker' }, 'demo-worker-liu')
    await refusedWithoutChange('permission-denied', { action: 'listVolunteers' }, 'demo-worker-sun')
  })

  it('never revokes a worker of ADMIN_OPENIDS', async () => {
    expect((await user<Me>({ action: 'login' }, ADMIN)).data?.roles).toEqual(['resident', 'worker'])
    await refusedWithoutChange(
      'failed-precondition',
      { action: 'revokeRole', openid: ADMIN, role: 'worker' },
      'demo-worker-liu',
    )
  })

  it('checks the payload before the caller and the caller before the role', async () => {
    await refusedWithoutChange('invalid-argument', { action: 'grantRole', openid: 'x', role: 'king' })
    await refusedWithoutChange('unauthenticated', { action: 'grantRole', openid: 'x', role: 'worker' })
    await refusedWithoutChange(
      'permission-denied',
      { action: 'grantRole', openid: 'x', role: 'worker' },
      'demo-resident-li',
    )
  })
})
