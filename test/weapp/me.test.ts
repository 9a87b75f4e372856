import type { Me } from '@shared/user'
import { ROLE_LABELS } from '@shared/user'
import {
  cloudCalls,
  connect,
  pageText,
  renderPage,
  tapText,
  waitForText,
  waitForNavigation,
  demoEmulatorForFile,
} from './support/weapp'

const emulator = demoEmulatorForFile()

/** The demo person with the most points, so that the numbers on the page mean something. */
async function richestDemoPerson(): Promise<{ openid: string; me: Me }> {
  const { items } = (await (await fetch(`${emulator().url}/__emulator/identities`)).json()) as {
    items: { openid: string }[]
  }
  let best: { openid: string; me: Me } | null = null
  for (const { openid } of items) {
    const me = (await emulator().call('user', { action: 'login' }, openid)).data as Me
    if (!best || me.points.balance > best.me.points.balance) best = { openid, me }
  }
  if (!best) throw new Error('the demo seed has no people')
  return best
}

test('我的 in the weapp build shows the logged-in user their roles and points, through wx.cloud', async () => {
  const { openid, me } = await richestDemoPerson()
  connect(emulator().url, openid)

  const page = renderPage('pages/me/index')

  await waitForText(page, me.profile.nickname)
  const text = pageText(page)
  for (const role of me.roles) expect(text).toContain(ROLE_LABELS[role])
  // The template puts no spaces between the number and its label.
  expect(text).toContain(`${me.points.available}可用积分`)
  expect(text).toContain(`${me.points.balance}总积分`)
  expect(text).toContain(`${me.points.held}冻结中`)
  expect(text).not.toContain('体验身份')
  expect(cloudCalls()).toContainEqual({ name: 'user', data: { action: 'login' } })

  await tapText(page, '编辑资料')
  expect(await waitForNavigation('/packages/profile/')).toEqual({
    api: 'navigateTo',
    url: '/packages/profile/pages/edit/index',
  })
})
