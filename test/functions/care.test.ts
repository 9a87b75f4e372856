/**
 * The `care` function over /fn (爱心敲门): registering needs consent; teams are made of approved
 * volunteers; 今日待访 puts the most urgent first; racing copies of one logVisit key make one visit; an
 * urgent visit reaches the captain and every worker; the 08:00 timer reminds a captain once a day;
 * confirming credits each visitor once, never by a visitor; outsiders learn nothing of a recipient.
 */
import type { CareTeam, DueList, Recipient, RecipientDetail, Visit } from '../../types/care'
import { DEFAULT_VISIT_EVERY_DAYS } from '../../types/care'
import type { Page } from '../../types/envelope'
import type { PointsSummaryFull } from '../../types/points'
import { POINTS_RULES } from '../../types/points'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import { careViolations, readCareState } from '../helpers/invariants'
import type { Sdk } from '../helpers/sdk'

const WORKER = 'demo-worker-liu'
const CAPTAIN = 'demo-volunteer-zhang'
const MEMBER = 'demo-volunteer-chen'
/** Approved volunteers of the seed who are not in the test's team. */
const OTHER_VOLUNTEER = 'demo-neighbour-01'
const SECOND_MEMBER = 'demo-neighbour-04'
const RESIDENT = 'demo-resident-li'
const SHOPKEEPER = 'demo-merchant-zhou'
/** A member (not the captain) of the demo 3502 team. */
const MEMBER_OF_DEMO = 'demo-volunteer-zhang'
const DAY = 86_400_000

let emu: Emulator
let sdk: Sdk
let keySeq = 0
const key = () => `care-key-${Date.now().toString(36)}-${++keySeq}`

startEmulatorForFile({ seed: 'none', reset: 'demo', ledger: true }, (started, connected) => {
  emu = started
  sdk = connected
})
afterEach(async () => {
  expect(careViolations(await readCareState(sdk))).toEqual([])
})

const care = <T>(data: object, openid?: string) => emu.call<T>('care', data, openid)
const now = () => emu.advanceClock(0)

async function newTeam(members: string[] = [MEMBER]): Promise<CareTeam> {
  const res = await care<CareTeam>(
    {
      action: 'upsertTeam',
      name: '测试爱心敲门服务队',
      captainOpenid: CAPTAIN,
      communities: ['道义街3502社区'],
    },
    WORKER,
  )
  expect(res).toMatchObject({ ok: true })
  let team = res.data!
  for (const openid of members) {
    const added = await care<CareTeam>({ action: 'addMember', teamId: team.id, openid }, CAPTAIN)
    expect(added).toMatchObject({ ok: true })
    team = added.data!
  }
  return team
}

const PERSON = {
  name: '刘凤琴',
  gender: 'female',
  birthYear: 1941,
  community: '道义街3502社区',
  address: '道义街3502社区5栋2单元301',
  phone: '13833330001',
  emergencyContact: { name: '王建国', phone: '13833330002', relation: '儿子' },
  circumstances: ['独居', '高龄'],
  notes: '耳背，敲门要大声；降压药每天早上一次',
}

async function register(teamId: string, fields: Record<string, unknown> = {}): Promise<Recipient> {
  const res = await care<Recipient>(
    { action: 'upsertRecipient', ...PERSON, risk: 'high', teamId, consent: true, ...fields },
    WORKER,
  )
  expect(res).toMatchObject({ ok: true })
  return res.data!
}

/** A logVisit call's arguments: a fresh key, a visit at the door now, and what `fields` change. */
async function visitArgs(recipientId: string, fields: Record<string, unknown> = {}) {
  return {
    action: 'logVisit',
    recipientId,
    at: await now(),
    minutes: 30,
    kind: 'door',
    wellbeing: 'well',
    services: ['聊天陪伴'],
    note: '精神不错，血压正常',
    idempotencyKey: key(),
    ...fields,
  }
}

async function visit(recipientId: string, by: string, fields: Record<string, unknown> = {}): Promise<Visit> {
  const res = await care<Visit>(await visitArgs(recipientId, fields), by)
  expect(res).toMatchObject({ ok: true })
  return res.data!
}

async function pointsOf(openid: string): Promise<number> {
  const res = await emu.call<PointsSummaryFull>('points', { action: 'summary' }, openid)
  return res.data!.balance
}

async function snapshot(): Promise<unknown> {
  const read = async (name: string) =>
    (await sdk.db.collection(name).orderBy('_id', 'asc').limit(1000).get()).data
  return Promise.all(
    ['care_teams', 'care_members', 'care_recipients', 'care_visits', 'ledger', 'needs'].map(read),
  )
}

describe('the roster', () => {
  it('refuses to register a person without consent, in plain words, and changes nothing', async () => {
    const team = await newTeam()
    const before = await snapshot()
    const res = await care(
      { action: 'upsertRecipient', ...PERSON, risk: 'high', teamId: team.id, consent: false },
      WORKER,
    )
    expect(res).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect((res as { message: string }).message).toContain('同意')
    const missing = await care(
      { action: 'upsertRecipient', ...PERSON, risk: 'high', teamId: team.id },
      WORKER,
    )
    expect(missing).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(await snapshot()).toEqual(before)
  })

  it('registers a person with a visit frequency that defaults by risk, due that many days after registering', async () => {
    const team = await newTeam()
    for (const risk of ['high', 'medium', 'low'] as const) {
      const r = await register(team.id, { risk, name: `测试${risk}` })
      expect(r.visitEveryDays).toBe(DEFAULT_VISIT_EVERY_DAYS[risk])
      expect(r.nextDueAt).toBe(r.createdAt + r.visitEveryDays * DAY)
      expect(r).toMatchObject({ status: 'active', overdue: false, lastVisitAt: null })
    }
    const own = await register(team.id, { risk: 'low', visitEveryDays: 3 })
    expect(own.nextDueAt).toBe(own.createdAt + 3 * DAY)
  })

  it('keeps the home on the map for directions, shown to the team and answered as missing to anyone else', async () => {
    const team = await newTeam()
    const home = { lat: 38.0248, lng: 114.5356 }
    const r = await register(team.id, { location: home })
    expect(r.location).toEqual(home)
    const seen = await care<Recipient>({ action: 'recipient', id: r.id }, MEMBER)
    expect(seen.data!.location).toEqual(home)
    const cleared = await register(team.id, { id: r.id, location: null })
    expect(cleared.location).toBeNull()
    expect(await care({ action: 'recipient', id: r.id }, 'test-care-stranger')).toMatchObject({
      ok: false,
      code: 'not-found',
    })
    const bad = await care(
      {
        action: 'upsertRecipient',
        ...PERSON,
        risk: 'high',
        teamId: team.id,
        consent: true,
        location: { lat: 95, lng: 0 },
      },
      WORKER,
    )
    expect(bad).toMatchObject({ ok: false, code: 'invalid-argument', message: '纬度应在-90到90之间' })
  })

  it('lets only workers register, and refuses risky text with content-rejected', async () => {
    const team = await newTeam()
    const payload = { action: 'upsertRecipient', ...PERSON, risk: 'high', teamId: team.id, consent: true }
    expect(await care(payload, CAPTAIN)).toMatchObject({ ok: false, code: 'permission-denied' })
    expect(await care({ ...payload, notes: '常去赌博' }, WORKER)).toMatchObject({
      ok: false,
      code: 'content-rejected',
    })
  })

  it('archives a person with a reason: off every due list, kept with their visits', async () => {
    const team = await newTeam()
    const r = await register(team.id)
    await visit(r.id, MEMBER)
    await emu.advanceClock(10 * DAY)
    const archived = await care<Recipient>({ action: 'archiveRecipient', id: r.id, reason: 'moved' }, WORKER)
    expect(archived.data).toMatchObject({ status: 'archived', archiveReason: 'moved', overdue: false })
    const due = await care<DueList>({ action: 'due', teamId: team.id }, CAPTAIN)
    expect([...due.data!.overdue, ...due.data!.soon].map((x) => x.id)).not.toContain(r.id)
    const detail = await care<RecipientDetail>({ action: 'recipient', id: r.id }, WORKER)
    expect(detail.data!.visits).toHaveLength(1)
    const again = await care(
      {
        action: 'logVisit',
        recipientId: r.id,
        at: await now(),
        minutes: 10,
        kind: 'door',
        wellbeing: 'well',
        idempotencyKey: key(),
      },
      MEMBER,
    )
    expect(again).toMatchObject({ ok: false, code: 'failed-precondition' })
  })
})

describe('teams', () => {
  it('takes only approved volunteers as captain and members; the captain cannot be removed', async () => {
    const notVolunteer = await care({ action: 'upsertTeam', name: '测试队', captainOpenid: RESIDENT }, WORKER)
    expect(notVolunteer).toMatchObject({ ok: false, code: 'failed-precondition' })
    const team = await newTeam()
    expect(team.captain).toEqual({ openid: CAPTAIN, name: '张桂芹' })
    expect(team.members.map((m) => m.openid)).toEqual([CAPTAIN, MEMBER])
    expect(await care({ action: 'addMember', teamId: team.id, openid: RESIDENT }, CAPTAIN)).toMatchObject({
      ok: false,
      code: 'failed-precondition',
    })
    expect(await care({ action: 'removeMember', teamId: team.id, openid: CAPTAIN }, WORKER)).toMatchObject({
      ok: false,
      code: 'failed-precondition',
    })
  })

  it('lets the captain add and remove members, and nobody else but a worker', async () => {
    const team = await newTeam()
    expect(await care({ action: 'addMember', teamId: team.id, openid: SECOND_MEMBER }, MEMBER)).toMatchObject(
      { ok: false, code: 'permission-denied' },
    )
    const added = await care<CareTeam>(
      { action: 'addMember', teamId: team.id, openid: SECOND_MEMBER },
      CAPTAIN,
    )
    expect(added.data!.members.map((m) => m.openid)).toContain(SECOND_MEMBER)
    const mine = await care<Page<CareTeam>>({ action: 'teams' }, SECOND_MEMBER)
    expect(mine.data!.items.map((t) => t.id)).toContain(team.id)
    const removed = await care<CareTeam>(
      { action: 'removeMember', teamId: team.id, openid: SECOND_MEMBER },
      CAPTAIN,
    )
    expect(removed.data!.members.map((m) => m.openid)).not.toContain(SECOND_MEMBER)
    const after = await care<Page<CareTeam>>({ action: 'teams' }, SECOND_MEMBER)
    expect(after.data!.items.map((t) => t.id)).not.toContain(team.id)
  })
})

describe('visiting', () => {
  it('lists the overdue first, most overdue first, then who falls due soon, with their address and last note', async () => {
    const team = await newTeam()
    const high = await register(team.id, { risk: 'high', name: '高风险老人' })
    const low = await register(team.id, { risk: 'low', name: '低风险老人' })
    const medium = await register(team.id, { risk: 'medium', name: '中风险老人' })
    await visit(low.id, MEMBER, { note: '送了一袋米' })
    // 12 days on: high (7) is 5 days overdue; medium (14) falls due in 2; low (visited) in 18.
    await emu.advanceClock(12 * DAY)
    const due = await care<DueList>({ action: 'due', teamId: team.id }, MEMBER)
    expect(due.data!.overdue.map((r) => r.id)).toEqual([high.id])
    expect(due.data!.soon.map((r) => r.id)).toEqual([medium.id])
    expect(due.data!.overdue[0]).toMatchObject({
      address: PERSON.address,
      phone: PERSON.phone,
      overdue: true,
    })
    const list = await care<Page<Recipient>>({ action: 'recipients', teamId: team.id }, CAPTAIN)
    expect(list.data!.items.map((r) => r.id)).toEqual([high.id, medium.id, low.id])
    expect(list.data!.items[2].lastNote).toBe('送了一袋米')
  })

  it('makes one visit of 20 racing copies of one key, and refuses the key with other arguments', async () => {
    const team = await newTeam()
    const r = await register(team.id)
    const payload = {
      action: 'logVisit',
      recipientId: r.id,
      at: await now(),
      minutes: 25,
      kind: 'door',
      wellbeing: 'well',
      idempotencyKey: key(),
    }
    const answers = await Promise.all(Array.from({ length: 20 }, () => care<Visit>(payload, MEMBER)))
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(new Set(answers.map((a) => a.data!.id)).size).toBe(1)
    const stored = await sdk.db.collection('care_visits').where({ recipientId: r.id }).get()
    expect(stored.data).toHaveLength(1)
    expect(await care({ ...payload, minutes: 26 }, MEMBER)).toMatchObject({
      ok: false,
      code: 'already-exists',
    })
  })

  it('answers a visit sent again after the person was archived with the visit it made, not a refusal', async () => {
    const team = await newTeam()
    const r = await register(team.id)
    const payload = await visitArgs(r.id, { kind: 'phone', minutes: 15 })
    const first = await care<Visit>(payload, MEMBER)
    await care({ action: 'archiveRecipient', id: r.id, reason: 'moved' }, WORKER)
    const again = await care<Visit>(payload, MEMBER)
    expect(again).toMatchObject({ ok: true, data: { id: first.data!.id } })
    expect(await care({ ...payload, idempotencyKey: key() }, MEMBER)).toMatchObject({
      ok: false,
      code: 'failed-precondition',
    })
    const stored = await sdk.db.collection('care_visits').where({ recipientId: r.id }).get()
    expect(stored.data).toHaveLength(1)
  })

  it('accepts a visit recorded offline up to 7 days late without moving the last visit back, never one in the future', async () => {
    const team = await newTeam()
    const r = await register(team.id)
    const t = await now()
    await visit(r.id, MEMBER, { at: t })
    await visit(r.id, CAPTAIN, { at: t - 2 * DAY, note: '补记' })
    const detail = await care<RecipientDetail>({ action: 'recipient', id: r.id }, CAPTAIN)
    expect(detail.data!.lastVisitAt).toBe(t)
    expect(detail.data!.visits.map((v) => v.at)).toEqual([t, t - 2 * DAY])
    const late = { action: 'logVisit', recipientId: r.id, minutes: 5, kind: 'phone', wellbeing: 'well' }
    expect(await care({ ...late, at: t - 8 * DAY, idempotencyKey: key() }, MEMBER)).toMatchObject({
      ok: false,
      code: 'invalid-argument',
    })
    expect(await care({ ...late, at: t + DAY, idempotencyKey: key() }, MEMBER)).toMatchObject({
      ok: false,
      code: 'invalid-argument',
    })
  })

  it('marks a visit started with a valid door scan 到门, and refuses a revoked code silently (no 到门)', async () => {
    const team = await newTeam()
    const r = await register(team.id)
    const code = await care<{ qr: string }>({ action: 'doorCode', id: r.id }, WORKER)
    expect(code).toMatchObject({ ok: true })
    expect((await visit(r.id, MEMBER, { doorToken: code.data!.qr })).atDoor).toBe(true)
    expect((await visit(r.id, MEMBER)).atDoor).toBe(false)
    await care({ action: 'doorCode', id: r.id, revoke: true }, WORKER)
    expect((await visit(r.id, MEMBER, { doorToken: code.data!.qr })).atDoor).toBe(false)
  })

  it('takes only team members as co-visitors, and raises a need on the person’s behalf, open at once', async () => {
    const team = await newTeam()
    const r = await register(team.id)
    const bad = await care(
      {
        action: 'logVisit',
        recipientId: r.id,
        at: await now(),
        minutes: 10,
        kind: 'door',
        wellbeing: 'well',
        coVisitors: [OTHER_VOLUNTEER],
        idempotencyKey: key(),
      },
      MEMBER,
    )
    expect(bad).toMatchObject({ ok: false, code: 'invalid-argument' })
    const v = await visit(r.id, MEMBER, {
      coVisitors: [CAPTAIN],
      wellbeing: 'attention',
      raiseNeed: {
        category: 'errand',
        title: '帮刘奶奶买降压药',
        description: '药快吃完了，需要去社区卫生室代买',
      },
    })
    expect(v.visitors.map((p) => p.openid)).toEqual([MEMBER, CAPTAIN])
    const need = (await sdk.db.collection('needs').doc(v.needId!).get()).data as Record<string, unknown>
    expect(need).toMatchObject({ status: 'open', address: PERSON.address, onBehalfOf: { name: PERSON.name } })
  })
})

describe('alerts', () => {
  it('sends an urgent visit to the captain and every worker at once, without address, phone or note', async () => {
    const team = await newTeam()
    const r = await register(team.id)
    const before = (await emu.outbox()).length
    await visit(r.id, MEMBER, { wellbeing: 'urgent', note: '摔倒在家，已叫120' })
    const sent = (await emu.outbox()).slice(before)
    const told = new Set(sent.map((m) => m.payload.touser))
    expect(told).toContain(CAPTAIN)
    expect(told).toContain(WORKER)
    expect(told).toContain('demo-worker-sun')
    expect(told).not.toContain(MEMBER)
    const text = JSON.stringify(sent)
    expect(text).not.toContain(PERSON.address)
    expect(text).not.toContain(PERSON.phone)
    expect(text).not.toContain('120')
    const overview = await care<{ urgent: Visit[] }>({ action: 'overview' }, WORKER)
    expect(overview.data!.urgent.map((v) => v.recipientId)).toContain(r.id)
  })

  it('reminds each captain with overdue people once a day at 08:00', async () => {
    const team = await newTeam()
    const r = await register(team.id, { visitEveryDays: 1 })
    const reminders = async () =>
      (await emu.outbox()).filter(
        (m) => m.payload.touser === CAPTAIN && String(JSON.stringify(m.payload.data)).includes(team.name),
      ).length
    // 08:00 in Shanghai is midnight UTC: the timer has run once for every such instant after the person fell due.
    const timersSince = (from: number, to: number) => Math.floor(to / DAY) - Math.floor(from / DAY)
    const at = await emu.advanceClock(2 * DAY)
    const first = await reminders()
    expect(first).toBe(timersSince(r.nextDueAt, at))
    expect(first).toBeGreaterThanOrEqual(1)
    const overview = await care<{ overdue: Recipient[] }>({ action: 'overview' }, WORKER)
    expect(overview.data!.overdue.map((x) => x.id)).toContain(r.id)
    await emu.advanceClock(DAY)
    expect(await reminders()).toBe(first + 1)
  })
})

describe('points', () => {
  it('credits each visitor visitPoints once, however many racing confirmations, never by a visitor', async () => {
    const team = await newTeam([MEMBER, SECOND_MEMBER])
    const r = await register(team.id)
    const v = await visit(r.id, MEMBER, { coVisitors: [SECOND_MEMBER] })
    expect(await care({ action: 'confirmVisit', id: v.id }, MEMBER)).toMatchObject({
      ok: false,
      code: 'permission-denied',
    })
    expect(await care({ action: 'confirmVisit', id: v.id }, SECOND_MEMBER)).toMatchObject({
      ok: false,
      code: 'permission-denied',
    })
    const before = [await pointsOf(MEMBER), await pointsOf(SECOND_MEMBER)]
    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => care<Visit>({ action: 'confirmVisit', id: v.id }, CAPTAIN)),
      ...Array.from({ length: 5 }, () => care<Visit>({ action: 'confirmVisit', id: v.id }, WORKER)),
    ])
    expect(answers.every((a) => a.ok && a.data!.status === 'confirmed')).toBe(true)
    expect([await pointsOf(MEMBER), await pointsOf(SECOND_MEMBER)]).toEqual(
      before.map((p) => p + POINTS_RULES.visitPoints),
    )
  })
})

describe('privacy', () => {
  it('answers outsiders not-found for a recipient exactly as for a missing one', async () => {
    const team = await newTeam()
    const r = await register(team.id)
    const v = await visit(r.id, MEMBER)
    for (const outsider of [OTHER_VOLUNTEER, RESIDENT, SHOPKEEPER, 'never-seen-before']) {
      const real = await care({ action: 'recipient', id: r.id }, outsider)
      const missing = await care({ action: 'recipient', id: 'no-such-recipient' }, outsider)
      expect(real).toEqual(missing)
      expect(real).toMatchObject({ ok: false, code: 'not-found' })
      const log = { action: 'logVisit', at: await now(), minutes: 5, kind: 'door', wellbeing: 'well' }
      expect(await care({ ...log, recipientId: r.id, idempotencyKey: key() }, outsider)).toEqual(
        await care({ ...log, recipientId: 'no-such-recipient', idempotencyKey: key() }, outsider),
      )
      expect(await care({ action: 'confirmVisit', id: v.id }, outsider)).toEqual(
        await care({ action: 'confirmVisit', id: 'no-such-visit' }, outsider),
      )
      for (const action of ['due', 'recipients', 'teams']) {
        const text = JSON.stringify(await care({ action }, outsider))
        expect(text).not.toContain(PERSON.address)
        expect(text).not.toContain(PERSON.phone)
        expect(text).not.toContain(PERSON.notes)
        expect(text).not.toContain(PERSON.emergencyContact.phone)
      }
    }
    expect(await care({ action: 'recipient', id: r.id })).toMatchObject({
      ok: false,
      code: 'unauthenticated',
    })
  })
})

describe('the demo district', () => {
  it('has the 3502 team with 张秀芹 as captain, 刘凤琴 (85, 独居) among a dozen people at mixed risk, some overdue, two months of visits', async () => {
    const t = await now()
    const captain = 'demo-captain-zhang'
    const mine = await care<Page<CareTeam>>({ action: 'teams' }, captain)
    const team = mine.data!.items.find((x) => x.name.includes('3502'))!
    expect(team.captain).toEqual({ openid: captain, name: '张秀芹' })
    expect(team.members.length).toBeGreaterThanOrEqual(3)
    const due = await care<DueList>({ action: 'due', teamId: team.id }, MEMBER_OF_DEMO)
    expect(due.data!.overdue.length).toBeGreaterThan(0)
    const all: Recipient[] = []
    for (let cursor: string | null | undefined; cursor !== null;) {
      const page = await care<Page<Recipient>>(
        { action: 'recipients', teamId: team.id, ...(cursor ? { cursor } : {}) },
        captain,
      )
      all.push(...page.data!.items)
      cursor = page.data!.nextCursor
    }
    expect(all.length).toBeGreaterThanOrEqual(12)
    expect(new Set(all.map((r) => r.risk))).toEqual(new Set(['high', 'medium', 'low']))
    const liu = all.find((r) => r.name === '刘凤琴')!
    expect(liu.circumstances).toContain('独居')
    expect(new Date(t).getUTCFullYear() - liu.birthYear!).toBe(85)
    const detail = await care<RecipientDetail>({ action: 'recipient', id: liu.id }, captain)
    const ats = detail.data!.visits.map((v) => v.at)
    expect(Math.min(...ats)).toBeLessThan(t - 50 * DAY)
    expect(detail.data!.visits.some((v) => v.status === 'logged')).toBe(true)
    const ids = (await emu.identities()).map((i) => i.openid)
    expect(ids).toEqual(expect.arrayContaining([captain, MEMBER_OF_DEMO]))
    // The captain confirms a member's visit of the last week: each visitor is credited once.
    const open = detail.data!.visits.find(
      (v) => v.status === 'logged' && !v.visitors.some((p) => p.openid === captain),
    )
    if (open) {
      expect(await care({ action: 'confirmVisit', id: open.id }, captain)).toMatchObject({ ok: true })
    }
  })
})
