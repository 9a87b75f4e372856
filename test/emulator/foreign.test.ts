/**
 * Functions written the way other cloud-development projects write them run unmodified, each through the
 * real wx-server-sdk, 4.0.2 (the emulator's own) and 2.6.3 (installed in the functions' own node_modules):
 * a router that loads modules by path and by working directory, lookups, nested projections,
 * function-to-function calls, a crash, a time-out, and what the emulator lacks, named.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type Emulator } from '../helpers/emulator'

const FIXTURES = path.join(__dirname, 'fixtures', 'foreign')
const ROOT = path.resolve(__dirname, '..', '..')

/** A copy of the fixture functions outside this project; `sdk` names the package installed as their wx-server-sdk. */
function functionsFolder(sdk: string | null): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'foreign-fns-')))
  fs.cpSync(FIXTURES, dir, { recursive: true })
  if (sdk) {
    for (const name of fs.readdirSync(dir)) {
      fs.mkdirSync(path.join(dir, name, 'node_modules'), { recursive: true })
      fs.symlinkSync(
        path.join(ROOT, 'node_modules', sdk),
        path.join(dir, name, 'node_modules', 'wx-server-sdk'),
      )
    }
  }
  return dir
}

type Failure = { errCode: number; errMsg: string } | null

// The emulator answers a failed function-to-function call as CloudBase does (code FUNCTIONS_EXECUTE_FAIL and
// the message); wx-server-sdk 2.6 raises that as errCode -504002 "functions execute fail", while 4.0's
// @cloudbase/node-sdk throws it before wx-server-sdk maps it, as errCode -1 carrying the code.
const failed = {
  '4.0.2': { errCode: -1, code: 'FUNCTIONS_EXECUTE_FAIL' },
  '2.6.3': { errCode: -504002, errMsg: expect.stringMatching(/functions execute fail/) },
}

describe.each([
  ['4.0.2', null],
  ['2.6.3', 'wx-server-sdk-2'],
] as const)('third-party functions through wx-server-sdk %s', (version, sdk) => {
  let emu: Emulator
  let dir: string

  beforeAll(async () => {
    dir = functionsFolder(sdk)
    emu = await startEmulator({ functionsDir: dir })
  })
  afterAll(async () => {
    await emu.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('answers -502005 for a collection nobody created, as CloudBase does without --auto-collections', async () => {
    const res = await emu.callRaw('vol', { route: 'home' }, 'u1')
    expect(res.status).toBe(500)
    expect(res.body).toMatchObject({ errCode: -504002, errMsg: 'functions execute fail' })
    expect(String((res.body as { message?: string }).message)).toMatch(/-502005|not exist/)
  })

  it('runs each function in its own folder and on its module path: a router loaded by path, APIs by cwd', async () => {
    const who = (await emu.call('vol', { route: 'whoami' }, 'u1')) as unknown
    expect(who).toEqual({ cwd: path.join(dir, 'vol'), app: 'vol', tag: 'vol', sdk: version, openid: 'u1' })
  })

  it('keeps one function’s modules from another’s', async () => {
    expect((await emu.call('vol', { route: 'whoami' }, 'u1')) as unknown).toMatchObject({ tag: 'vol' })
    const mall = (await emu.call('mall', {}, 'u1')) as unknown
    expect(mall).toEqual({ cwd: path.join(dir, 'mall'), tag: 'mall', router: 'MODULE_NOT_FOUND' })
  })

  it('creates collections with createCollection and then reads them', async () => {
    expect((await emu.call('vol', { route: 'setup' }, 'u1')) as unknown).toEqual({ done: true })
  })

  it('keeps the later of a document and a field inside it in a projection, as CloudBase does', async () => {
    const fieldLast = (await emu.call('vol', { route: 'home', coverLast: true }, 'u1')) as unknown
    expect(fieldLast).toEqual([
      { _id: 'a1', TITLE: '社区清扫', ACTIVITY_OBJ: { cover: ['c1.png'] } },
      { _id: 'a2', TITLE: '敬老探访', ACTIVITY_OBJ: { cover: ['c2.png'] } },
    ])
    const documentLast = (await emu.call('vol', { route: 'home' }, 'u1')) as unknown
    expect(documentLast).toEqual([
      { _id: 'a1', TITLE: '社区清扫', ACTIVITY_OBJ: { cover: ['c1.png'], desc: '长描述', max: 20 } },
      { _id: 'a2', TITLE: '敬老探访', ACTIVITY_OBJ: { cover: ['c2.png'], desc: '长描述', max: 5 } },
    ])
  })

  it('joins a named collection with lookup, in the simple form and with let and pipeline', async () => {
    const mine = (await emu.call('vol', { route: 'mine', userId: 'u1' }, 'u1')) as unknown
    expect(mine).toEqual({
      simple: [
        { _id: 'j1', title: '社区清扫' },
        { _id: 'j2', title: '敬老探访' },
      ],
      piped: [
        { _id: 'a1', joined: [{ JOIN_USER_ID: 'u1' }] },
        { _id: 'a2', joined: [{ JOIN_USER_ID: 'u1' }] },
      ],
    })
  })

  it('calls a function from a function with the caller’s user, SOURCE wx_client,scf, answering {result, requestID}', async () => {
    const out = (await emu.call('caller', { callee: 'callee', n: 21 }, 'o-caller')) as unknown as {
      ok: boolean
      own: string
      res: { result: unknown; requestID: string; errMsg: string }
    }
    expect(out.ok).toBe(true)
    expect(out.own).toBe('wx_client')
    expect(out.res.result).toEqual({ n: 42, openid: 'o-caller', source: 'wx_client,scf' })
    expect(typeof out.res.requestID).toBe('string')
    expect(out.res.requestID.length).toBeGreaterThan(0)
  })

  it('fails a call to a function that throws with FUNCTIONS_EXECUTE_FAIL (-504002) and its message', async () => {
    const out = (await emu.call('caller', { callee: 'crasher', n: 1 }, 'o-caller')) as unknown as Failure
    expect(out).toMatchObject({ ok: false, ...failed[version] })
    expect(out!.errMsg).toMatch(/库存不足: boom/)
  })

  it('gives the callee its own time limit, not the caller’s', async () => {
    const out = (await emu.call('caller', { callee: 'slow', n: 1 }, 'o-caller')) as unknown as Failure
    expect(out).toMatchObject({ ok: false, ...failed[version] })
    expect(out!.errMsg).toMatch(/timed out after 1 seconds/)
  })

  it('answers a caller over HTTP what CloudBase gives when a function throws: 500, errCode -504002 and the message', async () => {
    const res = await emu.callRaw('crasher', { n: 1 }, 'u1')
    expect(res.status).toBe(500)
    expect(res.body).toEqual({
      errCode: -504002,
      errMsg: 'functions execute fail',
      message: '库存不足: boom',
    })
  })

  it('fails the calls of an instance that dies with -504002, and runs the next call in a new instance', async () => {
    const died = await emu.callRaw('crasher', { n: -1 }, 'u1')
    expect(died.status).toBe(500)
    expect(died.body).toMatchObject({ errCode: -504002, errMsg: 'functions execute fail' })
    expect(String((died.body as { message?: string }).message)).toMatch(/instance of crasher ended/)
    const next = await emu.callRaw('crasher', { n: 0 }, 'u1')
    expect([next.status, next.body]).toEqual([200, { n: 0 }])
  })

  it('names each operator, stage and API the emulator lacks, and says so', async () => {
    const out = (await emu.call('lacking', {}, 'u1')) as unknown as Record<string, Failure>
    const lacks = /not supported by the local emulator|not provided by the local emulator/
    expect(out.geoQuery!.errMsg).toMatch(/\$nearSphere/)
    expect(out.geoStage!.errMsg).toMatch(/\$geoNear/)
    expect(out.mediaCheck!.errMsg).toMatch(/security\.mediaCheckAsync/)
    expect(out.openapi!.errMsg).toMatch(/urllink\.generate/)
    expect(out.pay!.errMsg).toMatch(/wx\.wxPayApi/)
    expect(out.openData!.errMsg).toMatch(/ApiGetOpenDataByCloudId/)
    for (const key of ['geoQuery', 'geoStage', 'mediaCheck', 'openapi', 'pay', 'openData'])
      expect(out[key]!.errMsg).toMatch(lacks)
    expect(out.missing!.errMsg).toMatch(/nowhere/)
    expect(out.missing!.errMsg).not.toMatch(/Db or Table/)
  })
})

describe('another project’s folder of functions, with --auto-collections', () => {
  let emu: Emulator
  let dir: string

  beforeAll(async () => {
    dir = functionsFolder(null)
    // Started from the other project's folder through the emulator's own launcher, with a relative path.
    emu = await startEmulator({ functionsDir: '.', fromFolder: dir, autoCollections: true })
  })
  afterAll(async () => {
    await emu.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('creates a collection on its first use, as createCollection would', async () => {
    const res = await emu.callRaw('vol', { route: 'home' }, 'u1')
    expect([res.status, res.body]).toEqual([200, []])
    const health = (await (await fetch(`${emu.url}/healthz`)).json()) as { collections: string[] }
    expect(health.collections).toEqual(['activity'])
  })
})
