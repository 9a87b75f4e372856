/**
 * 爱心敲门 on the pages, against a real emulator: the visit form at the door (what it asks for, 到门 by the door
 * code, 转为求助), the roster's consent rule, and the phone's queue of visits waiting to be sent — the same
 * queued visit, however often and however concurrently it is sent, is recorded once.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { LogVisitInput, Recipient, RecipientDetail, Visit } from '@shared/care'
import type { Need } from '@shared/needs'
import type { Page } from '@shared/envelope'
import DoorPage from '@/packages/care/pages/door'
import RecipientEditPage from '@/packages/care/pages/edit'
import RecipientPage from '@/packages/care/pages/recipient'
import TeamsPage from '@/packages/care/pages/teams'
import VisitPage from '@/packages/care/pages/visit'
import { logVisit } from '@/services/care'
import { CloudError, NETWORK_MESSAGE } from '@/services/cloud'
import { createVisitQueue, type QueuedVisit, type QueueStore } from '@/services/care-queue'
import { visitQueue } from '@/services/care-visits'
import { careViolations, ledgerViolations, readCareState, readLedgerState } from '../helpers/invariants'
import { connectSdk } from '../helpers/sdk'
import { callAs, startEmulatorForFile, tap, typeInto } from './support/app'
import { become, routeTo } from './needs-support'

const emulator = startEmulatorForFile()

const WORKER = 'demo-worker-liu'
const MEMBER = 'demo-volunteer-zhang'
const LIU = { id: 'demo-recipient-liufq', name: '刘凤琴' }

const care = <T,>(openid: string, data: object) => callAs<T>(emulator(), openid, data, 'care')

/** The visits of a person whose note is `note`, as a worker reads them. */
async function visitsNoted(note: string): Promise<Visit[]> {
  const detail = await care<RecipientDetail>(WORKER, { action: 'recipient', id: LIU.id })
  return detail.visits.filter((v) => v.note === note)
}

function memoryStore(): QueueStore & { items: QueuedVisit[] } {
  const store = {
    items: [] as QueuedVisit[],
    read: () => store.items.map((i) => ({ ...i })),
    write: (items: QueuedVisit[]) => {
      store.items = items.map((i) => ({ ...i }))
    },
  }
  return store
}

function aVisit(note: string): Omit<LogVisitInput, 'idempotencyKey'> {
  return { recipientId: LIU.id, at: Date.now(), minutes: 30, kind: 'door', wellbeing: 'well', note }
}

describe('the queue of visits waiting on the phone', () => {
  test('the same queued visit sent again and again — after a lost answer, by racing senders — is recorded once', async () => {
    await become(emulator(), MEMBER)
    const store = memoryStore()
    let answersLost = 1
    // The first answer is lost on the way back (the server recorded the visit; the phone never heard).
    const send = async (input: LogVisitInput) => {
      const visit = await logVisit(input)
      if (answersLost-- > 0) throw new CloudError('internal', NETWORK_MESSAGE)
      return visit
    }
    const queue = createVisitQueue(store, send)
    const saved = queue.save(aVisit('送过去两次的走访'), LIU.name)

    expect(await queue.flush()).toEqual({ sent: [], waiting: 1 })
    expect(await visitsNoted('送过去两次的走访')).toHaveLength(1)

    // Two senders over the one store (two pages open), each flushing several times at once.
    const other = createVisitQueue(store, logVisit)
    const results = await Promise.all([
      queue.flush(),
      queue.flush(),
      other.flush(),
      other.flush(),
      queue.flush(),
    ])

    const sentIds = results.flatMap((r) => r.sent.map((v) => v.id))
    expect(new Set(sentIds).size).toBe(1)
    expect(store.items).toEqual([])
    const landed = await visitsNoted('送过去两次的走访')
    expect(landed).toHaveLength(1)
    expect(landed[0].id).toBe(sentIds[0])
    expect(saved.key).toMatch(/^visit-/)
  })

  test('a visit kept without a network waits, unchanged, and goes out once the network returns', async () => {
    await become(emulator(), MEMBER)
    const store = memoryStore()
    let online = false
    const queue = createVisitQueue(store, async (input) => {
      if (!online) throw new CloudError('internal', NETWORK_MESSAGE)
      return logVisit(input)
    })
    queue.save(aVisit('没有网络时记的走访'), LIU.name)

    expect(await queue.flush()).toEqual({ sent: [], waiting: 1 })
    expect(await queue.flush()).toEqual({ sent: [], waiting: 1 })
    expect(store.items[0].problem).toBeNull()
    expect(await visitsNoted('没有网络时记的走访')).toHaveLength(0)

    online = true
    const { sent, waiting } = await queue.flush()
    expect(waiting).toBe(0)
    expect(sent).toHaveLength(1)
    expect(await visitsNoted('没有网络时记的走访')).toHaveLength(1)
  })

  test('a visit the server refuses stays on the phone with the reason, and the visits after it still go out', async () => {
    await become(emulator(), MEMBER)
    const store = memoryStore()
    const queue = createVisitQueue(store, logVisit)
    queue.save({ ...aVisit('去了别的队的老人家'), recipientId: 'demo-recipient-nobody' }, '不存在的人')
    queue.save(aVisit('后面这条照样上传'), LIU.name)

    const { sent, waiting } = await queue.flush()

    expect(sent).toHaveLength(1)
    expect(waiting).toBe(1)
    expect(store.items[0].recipientName).toBe('不存在的人')
    expect(store.items[0].problem).toMatch(/[\u4e00-\u9fa5]/)
    expect(await visitsNoted('后面这条照样上传')).toHaveLength(1)
  })
})

describe('记录走访 at the door', () => {
  async function openVisit() {
    await become(emulator(), MEMBER)
    routeTo('/packages/care/pages/visit/index', { id: LIU.id })
    render(<VisitPage />)
    await screen.findByText(`走访：${LIU.name}`, {}, { timeout: 5000 })
  }

  test('asks how the person is before saving, and records nothing until told', async () => {
    const before = (await care<RecipientDetail>(WORKER, { action: 'recipient', id: LIU.id })).visits
    await openVisit()

    await tap('保存走访记录')

    expect(await screen.findByText('请选择老人情况：平安、需关注或紧急')).toBeInTheDocument()
    expect(visitQueue.pending()).toEqual([])
    const after = (await care<RecipientDetail>(WORKER, { action: 'recipient', id: LIU.id })).visits
    expect(after.map((v) => v.id)).toEqual(before.map((v) => v.id))
  })

  test('records a visit started with the door code as 到门, with what was done, the note and the minutes', async () => {
    const { qr } = await care<{ qr: string }>(WORKER, { action: 'doorCode', id: LIU.id })
    await openVisit()

    await typeInto('粘贴门牌码的文字', qr)
    await tap('确认到门')
    const door = await screen.findByText('已扫门牌码，这次走访记为“到门”')
    expect(door.querySelector('[data-icon="check"]')).not.toBeNull()
    await tap('需关注')
    await tap('助洁')
    await tap('代购')
    await tap('45分钟')
    await typeInto('例如：血压正常，冰箱里菜不多了', '咳嗽两天了，提醒去卫生室')
    await tap('保存走访记录')

    expect(await screen.findByText(`已记录对${LIU.name}的走访`, {}, { timeout: 5000 })).toBeInTheDocument()
    const [visit] = await visitsNoted('咳嗽两天了，提醒去卫生室')
    expect(visit).toMatchObject({
      atDoor: true,
      wellbeing: 'attention',
      minutes: 45,
      kind: 'door',
      services: ['助洁', '代购'],
      visitors: [expect.objectContaining({ openid: MEMBER })],
      needId: null,
    })
    expect(visitQueue.pending()).toEqual([])
  })

  test('refuses a code that is not a door code and records the visit without the scan as 未扫码', async () => {
    await openVisit()

    await typeInto('粘贴门牌码的文字', 'https://example.com/not-a-door')
    await tap('确认到门')
    expect(await screen.findByText('这不是爱心敲门的门牌码，请扫贴在老人家门上的码')).toBeInTheDocument()
    await tap('平安')
    await typeInto('例如：血压正常，冰箱里菜不多了', '没扫码也记上了')
    await tap('保存走访记录')

    await screen.findByText(`已记录对${LIU.name}的走访`, {}, { timeout: 5000 })
    const [visit] = await visitsNoted('没扫码也记上了')
    expect(visit.atDoor).toBe(false)
  })

  test('转为求助 posts a need for the person with the visit, open to volunteers at once', async () => {
    await openVisit()

    await tap('紧急')
    await typeInto('例如：血压正常，冰箱里菜不多了', '摔了一跤，腿肿了')
    await tap('转为求助')
    // 助医 is a service chip and a need category: the category is the second.
    fireEvent.click((await screen.findAllByText('助医'))[1])
    await typeInto('例如：家里水管漏水，需要人来修', '需要人陪着去医院拍片子')
    await tap('保存走访记录')

    await screen.findByText(`已记录对${LIU.name}的走访`, {}, { timeout: 5000 })
    const [visit] = await visitsNoted('摔了一跤，腿肿了')
    expect(visit.wellbeing).toBe('urgent')
    expect(visit.needId).toEqual(expect.any(String))
    const need = await callAs<Need>(emulator(), WORKER, { action: 'get', id: visit.needId }, 'needs')
    expect(need).toMatchObject({
      status: 'open',
      category: 'medical',
      urgency: 'urgent',
      title: `${LIU.name}需要帮忙`,
      onBehalfOf: { name: LIU.name },
    })
  })
})

describe('登记关爱对象', () => {
  async function roster(): Promise<Recipient[]> {
    const items: Recipient[] = []
    let cursor: string | null = null
    do {
      const page: Page<Recipient> = await care(WORKER, {
        action: 'recipients',
        limit: 20,
        ...(cursor ? { cursor } : {}),
      })
      items.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return items
  }

  async function fillIn() {
    await become(emulator(), WORKER)
    routeTo('/packages/care/pages/edit/index')
    render(<RecipientEditPage />)
    await typeInto('例如：刘凤琴', '马秀珍')
    await typeInto('例如：1941', '1943')
    await typeInto('例如：3栋1单元101', '6栋2单元302')
    await tap('独居')
    await tap('高风险')
    await tap('道义街3502社区“爱心敲门”服务队')
  }

  test('registers nobody until the consent is ticked, and says so in plain words', async () => {
    await fillIn()

    await tap('登记')

    expect(await screen.findByText('请先征得老人或监护人同意，并勾选“已同意登记”')).toBeInTheDocument()
    expect((await roster()).some((r) => r.name === '马秀珍')).toBe(false)
  })

  test('with the consent ticked, registers the person with the team and the frequency of the risk', async () => {
    await fillIn()

    await tap('已同意登记')
    await tap('登记')

    const added = await waitFor(
      async () => {
        const found = (await roster()).find((r) => r.name === '马秀珍')
        if (!found) throw new Error('not registered yet')
        return found
      },
      { timeout: 5000 },
    )
    expect(added).toMatchObject({
      birthYear: 1943,
      address: '6栋2单元302',
      circumstances: ['独居'],
      risk: 'high',
      visitEveryDays: 7,
      teamId: 'demo-care-team-3502',
    })
  })
})

describe('服务队 for its captain', () => {
  const CAPTAIN = 'demo-captain-zhang'
  const TEAM = 'demo-care-team-3502'
  const CHEN = { openid: 'demo-volunteer-chen', name: '陈志强' }

  async function members(): Promise<string[]> {
    const { items } = await care<Page<{ id: string; members: Array<{ openid: string }> }>>(CAPTAIN, {
      action: 'teams',
    })
    return items.find((t) => t.id === TEAM)!.members.map((m) => m.openid)
  }

  test('the captain adds a volunteer by their 队员码 and removes a member only after confirming', async () => {
    await become(emulator(), CAPTAIN)
    routeTo('/packages/care/pages/teams/index')
    render(<TeamsPage />)
    await screen.findByText('队长：张秀芹', {}, { timeout: 5000 })

    await typeInto('粘贴队员码的文字', 'xiaoshe:door:not-a-member-code')
    await tap('用队员码加人')
    expect(await screen.findByText('这不是队员码，请扫志愿者在“服务队”页出示的队员码')).toBeInTheDocument()
    await typeInto('粘贴队员码的文字', `xiaoshe:member:${CHEN.openid}`)
    await tap('用队员码加人')
    await screen.findByText(CHEN.name)
    expect(await members()).toContain(CHEN.openid)

    const row = screen.getByText(CHEN.name).closest('.teams__member') as HTMLElement
    await tap('移出', row)
    await screen.findByText(`把${CHEN.name}移出服务队？`)
    await tap('再想想')
    await waitFor(() => expect(screen.queryByText(`把${CHEN.name}移出服务队？`)).not.toBeInTheDocument())
    expect(await members()).toContain(CHEN.openid)

    await tap('移出', row)
    await tap('确认移出')
    await waitFor(() => expect(screen.queryByText(CHEN.name)).not.toBeInTheDocument())
    expect(await members()).not.toContain(CHEN.openid)
  })
})

describe('门牌码', () => {
  test('作废重印 asks first, then every code printed before no longer counts as 到门', async () => {
    const { qr: printed } = await care<{ qr: string }>(WORKER, { action: 'doorCode', id: LIU.id })
    await become(emulator(), WORKER)
    routeTo('/packages/care/pages/door/index', { id: LIU.id })
    render(<DoorPage />)
    await screen.findByText(LIU.name, {}, { timeout: 5000 })
    expect(screen.getByRole('img', { name: `${LIU.name}的门牌码` })).toBeInTheDocument()

    await tap('作废重印')
    await screen.findByText('作废以前的门牌码？')
    await tap('作废并生成新码')
    await screen.findByText('已作废以前打印的门牌码，请打印这张新的贴上。')

    const { qr: fresh } = await care<{ qr: string }>(WORKER, { action: 'doorCode', id: LIU.id })
    expect(fresh).not.toBe(printed)
    const token = (qr: string) => qr.replace('xiaoshe:door:', '')
    const old = await care<Visit>(MEMBER, {
      ...aVisit('旧码'),
      action: 'logVisit',
      doorToken: token(printed),
      idempotencyKey: 'door-old-code',
    })
    const current = await care<Visit>(MEMBER, {
      ...aVisit('新码'),
      action: 'logVisit',
      doorToken: token(fresh),
      idempotencyKey: 'door-new-code',
    })
    expect([old.atDoor, current.atDoor]).toEqual([false, true])
  })
})

describe('走访记录 on a person’s page', () => {
  test('the captain confirms a member’s visit after a confirmation, and is offered no confirmation of their own', async () => {
    const CAPTAIN = 'demo-captain-zhang'
    const log = (openid: string, note: string, key: string) =>
      care<Visit>(openid, { ...aVisit(note), action: 'logVisit', idempotencyKey: key })
    const own = await log(CAPTAIN, '队长自己去的', 'captain-own-visit')
    const members = await log(MEMBER, '队员去的', 'member-visit-to-confirm')
    await become(emulator(), CAPTAIN)
    routeTo('/packages/care/pages/recipient/index', { id: LIU.id })
    render(<RecipientPage />)
    await screen.findAllByText('“队员去的”', {}, { timeout: 5000 })

    // The person's card above shows the last note too: the row is the one in the visit history.
    const rowOf = (note: string) =>
      screen
        .getAllByText(`“${note}”`)
        .map((el) => el.closest('.care-visit'))
        .find(Boolean) as HTMLElement
    expect(within(rowOf('队长自己去的')).queryByText('确认这次走访')).not.toBeInTheDocument()
    await tap('确认这次走访', rowOf('队员去的'))
    await screen.findByText('确认这次走访？')
    await tap('确认')

    await waitFor(() => expect(within(rowOf('队员去的')).getByText('已确认')).toBeInTheDocument())
    const after = await care<RecipientDetail>(WORKER, { action: 'recipient', id: LIU.id })
    const status = (id: string) => after.visits.find((v) => v.id === id)?.status
    expect([status(members.id), status(own.id)]).toEqual(['confirmed', 'logged'])
    const sdk = connectSdk(emulator().url)
    expect(ledgerViolations(await readLedgerState(sdk))).toEqual([])
    expect(careViolations(await readCareState(sdk))).toEqual([])
  })
})
