/**
 * The emulator runs functions as CloudBase does: per-call identity from getWXContext() (never from the
 * payload), a time limit, CloudBase's answers for a crash and a time-out, the HTTP contract of /fn, the emulated clock with timer
 * triggers, and the openapi stubs (content check, subscription messages recorded in the outbox).
 */
import path from 'node:path'
import { startEmulator, type Emulator } from '../helpers/emulator'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({
    functionsDir: path.join(__dirname, 'fixtures', 'functions'),
    collectionsFile: path.join(__dirname, 'fixtures', 'collections.json'),
  })
  // The tests below are about running calls, not about the cold start of the first one.
  await emu.call('probe', { mode: 'warm-up' }, 'u0')
})
afterAll(() => emu.stop())

type Who = { before: string; after: string; userInfo: { openId?: string; appId?: string }; env: string }

describe('identity', () => {
  it('gives each of 50 concurrent callers its own openid, before and after awaiting', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_v, i) => emu.callRaw<never>('probe', { mode: 'whoami' }, `caller-${i}`)),
    )
    answers.forEach((a, i) => {
      const who = a.body as unknown as Who
      expect(who.before).toBe(`caller-${i}`)
      expect(who.after).toBe(`caller-${i}`)
      expect(who.userInfo.openId).toBe(`caller-${i}`)
    })
  })

  it('overwrites a userInfo sent by the caller with the platform’s own', async () => {
    const res = await emu.callRaw('probe', { mode: 'whoami', userInfo: { openId: 'forged' } }, 'real-one')
    const who = res.body as unknown as Who
    expect(who.userInfo.openId).toBe('real-one')
    expect(who.before).toBe('real-one')
  })

  it('leaves an anonymous caller without an openid', async () => {
    const who = (await emu.callRaw('probe', { mode: 'whoami', userInfo: { openId: 'forged' } }))
      .body as unknown as Who
    expect(who.before ?? '').toBe('')
    expect(who.userInfo.openId).toBeUndefined()
  })
})

describe('the /fn contract', () => {
  it('answers 504 with errCode -504003 "Invoking task timed out" when a function runs past its time limit', async () => {
    const res = await emu.callRaw('probe', { mode: 'sleep' }, 'u1')
    expect(res.status).toBe(504)
    expect(res.body).toEqual({ errCode: -504003, errMsg: 'Invoking task timed out after 3 seconds' })
  })

  it('answers 500 with errCode -504002 "functions execute fail" and the message when a function throws, inventing no envelope', async () => {
    const res = await emu.callRaw('probe', { mode: 'crash' }, 'u1')
    expect(res.status).toBe(500)
    expect(res.body).toEqual({ errCode: -504002, errMsg: 'functions execute fail', message: 'boom' })
  })

  it('answers 404 for an unknown function, 400 for a body that is not a JSON object, 413 over 1 MiB', async () => {
    const unknown = await emu.callRaw('nope', {}, 'u1')
    expect([unknown.status, unknown.body.code]).toEqual([404, 'not-found'])
    for (const bad of ['not json', '[1,2]', '"text"', 'null']) {
      const res = await emu.callRaw('probe', bad, 'u1')
      expect([res.status, res.body.code]).toEqual([400, 'invalid-argument'])
    }
    const huge = await emu.callRaw('probe', { blob: 'x'.repeat(1024 * 1024 + 10) }, 'u1')
    expect([huge.status, huge.body.code]).toEqual([413, 'invalid-argument'])
  })

  it('says it is healthy and lists its functions', async () => {
    const res = await fetch(`${emu.url}/healthz`)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { functions: string[] }).functions).toContain('probe')
  })
})

describe('the emulated clock', () => {
  it('moves Date.now(), new Date() and serverDate together, and fires the timers that fell due', async () => {
    const before = (await emu.callRaw('probe', { mode: 'now' }, 'u1')).body as unknown as { now: number }
    const twoHours = 2 * 3600_000
    const reported = await emu.advanceClock(twoHours)
    expect(reported - before.now).toBeGreaterThanOrEqual(twoHours)
    const after = (await emu.callRaw('probe', { mode: 'now' }, 'u1')).body as unknown as {
      now: number
      serverDate: number
      newDate: number
    }
    expect(after.now - before.now).toBeGreaterThanOrEqual(twoHours)
    expect(Math.abs(after.serverDate - after.now)).toBeLessThan(1000)
    expect(Math.abs(after.newDate - after.now)).toBeLessThan(1000)
    // The hourly trigger fired (once per advance), anonymously.
    const { connectSdk } = await import('../helpers/sdk')
    const sdk = connectSdk(emu.url)
    const fired = (await sdk.db.collection('events').where({ timer: 'hourly' }).get()).data
    expect(fired.length).toBeGreaterThanOrEqual(1)
    expect(fired[0].openid).toBeNull()
  })

  it('refuses a negative advance', async () => {
    const res = await fetch(`${emu.url}/__emulator/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceMs: -5 }),
    })
    expect(res.status).toBe(400)
  })
})

describe('openapi', () => {
  it('passes ordinary text and flags text with a risky word', async () => {
    expect((await emu.call('probe', { mode: 'check', text: '帮王奶奶买菜' }, 'u1')) as unknown).toEqual({
      suggest: 'pass',
    })
    expect((await emu.call('probe', { mode: 'check', text: '来赌博吧' }, 'u1')) as unknown).toEqual({
      suggest: 'risky',
    })
  })

  it('records subscription messages in the outbox', async () => {
    await emu.call('probe', { mode: 'notify', to: 'someone' }, 'u1')
    const out = await emu.outbox()
    expect(out.at(-1)).toMatchObject({
      api: 'subscribeMessage.send',
      payload: {
        touser: 'someone',
        templateId: 'tmpl-1',
        page: 'pages/me/index',
        data: { thing1: { value: '你好' } },
      },
    })
  })
})
