import type { Me } from '@shared/user'
import {
  connect,
  pageText,
  renderPage,
  tapText,
  waitForNoText,
  waitForText,
  demoEmulatorForFile,
} from './support/weapp'

const emulator = demoEmulatorForFile()

async function login(openid: string): Promise<Me> {
  const envelope = await emulator().call<Me>('user', { action: 'login' }, openid)
  if (!envelope.ok) throw new Error(`login failed: ${JSON.stringify(envelope)}`)
  return envelope.data!
}

test('a worker approves an application in the weapp build’s worker subpackage, after confirming', async () => {
  const people = await emulator().identities()
  const worker = people.find((p) => p.role === 'worker')!
  let applicant: string | null = null
  for (const person of people.filter((p) => p.role === 'resident')) {
    if ((await login(person.openid)).volunteer === null) {
      applicant = person.openid
      break
    }
  }
  if (!applicant) throw new Error('the demo seed has no resident without an application')
  const applied = await emulator().call(
    'user',
    { action: 'applyVolunteer', realName: '周卫东', phone: '13912340000', skills: ['理发'] },
    applicant,
  )
  expect(applied.ok).toBe(true)
  connect(emulator().url, worker.openid)

  const page = renderPage('packages/worker/pages/volunteer-review/index')

  await waitForText(page, '周卫东')
  expect(pageText(page)).toContain('电话：13912340000')
  await tapText(page, '通过')
  await waitForText(page, '通过这份申请？')
  await tapText(page, '确认通过')

  await waitForNoText(page, '周卫东')
  const me = await login(applicant)
  expect(me.roles).toContain('volunteer')
  expect(me.volunteer?.status).toBe('approved')
})
