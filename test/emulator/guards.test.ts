/**
 * The emulator's HTTP edges hold against a web page open in the developer's browser and against crafted
 * requests: the database endpoint answers only requests shaped as wx-server-sdk sends them, paths are
 * decoded and normalised before routing, static files are served only from inside the H5 folder (by real
 * path), payloads nested too deep are refused before they reach a function, and a timer event runs only
 * under the trigger name its config.json declares.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { adminSecret, rawRequest, startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk, type Sdk } from '../helpers/sdk'

const WORKER = 'demo-worker-liu'
let emu: Emulator
let sdk: Sdk
let site: string

beforeAll(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoshe-site-'))
  fs.mkdirSync(path.join(site, 'h5', 'js'), { recursive: true })
  fs.writeFileSync(path.join(site, 'h5', 'index.html'), '<p>INDEX</p>')
  fs.writeFileSync(path.join(site, 'h5', 'js', 'app.js'), 'console.log("APP")')
  fs.mkdirSync(path.join(site, 'h5-secret'))
  fs.writeFileSync(path.join(site, 'h5-secret', 'secret.txt'), 'SECRET')
  fs.symlinkSync(path.join(site, 'h5-secret'), path.join(site, 'h5', 'linked'))
  emu = await startEmulator({ seed: 'demo', h5Dir: path.join(site, 'h5') })
  sdk = connectSdk(emu.url)
})
beforeEach(() => emu.reset('demo'))
afterAll(async () => {
  await emu.stop()
  fs.rmSync(site, { recursive: true, force: true })
})

/** One request with the path exactly as given (no client-side normalising of `..` or `%2e`). */
const raw = (method: string, rawPath: string, body = '', headers: Record<string, string> = {}) =>
  rawRequest(emu.port, method, rawPath, body, headers)

const grantWorker = (openid: string) =>
  JSON.stringify({
    action: 'database.modifyDocument',
    collectionName: 'users',
    query: JSON.stringify({ _id: openid }),
    data: JSON.stringify({ $set: { roles: ['resident', 'worker'] } }),
    multi: false,
    upsert: false,
    merge: true,
  })

const rolesOf = async (openid: string) => (await sdk.db.collection('users').doc(openid).get()).data.roles

describe('static files', () => {
  it('serves files inside the H5 folder, and the app for any other path inside it', async () => {
    expect(await raw('GET', '/js/app.js')).toEqual({ status: 200, text: 'console.log("APP")' })
    expect((await raw('GET', '/pages/index/index')).text).toBe('<p>INDEX</p>')
  })

  it.each([
    '/..%2fh5-secret/secret.txt',
    '/%2e%2e%2fh5-secret%2fsecret.txt',
    '/..%5ch5-secret%5csecret.txt',
    '/js/..%2f..%2fh5-secret/secret.txt',
    '/linked/secret.txt',
    '/%2e%2e/h5-secret/secret.txt',
  ])('never serves a file outside it, by real path: %s', async (p) => {
    const res = await raw('GET', p)
    expect(res.text).not.toContain('SECRET')
    expect(res.status).toBe(404)
  })

  it('answers a path that cannot be decoded with 400', async () => {
    expect((await raw('GET', '/%E0%A4%A')).status).toBe(400)
  })
})

describe('the database endpoint', () => {
  it('answers the SDK, with the secret the functions are given', async () => {
    expect(await rolesOf('demo-resident-li')).toEqual(['resident'])
    expect((await emu.call('user', { action: 'login' }, 'demo-resident-li')).ok).toBe(true)
  })

  it.each([
    ['text/plain, as a web page may send without asking', { 'content-type': 'text/plain' }, true],
    [
      'JSON from a web page (Origin)',
      { 'content-type': 'application/json', origin: 'http://evil.test' },
      true,
    ],
    [
      'JSON from a browser (Sec-Fetch-Mode)',
      { 'content-type': 'application/json', 'sec-fetch-mode': 'cors' },
      true,
    ],
    ['JSON without the secret', { 'content-type': 'application/json' }, false],
  ])('refuses %s with 403 and changes nothing', async (_name, headers, withSecret) => {
    const query = withSecret ? `?key=${adminSecret()}&env=local` : '?env=local'
    const res = await raw('POST', `/admin${query}`, grantWorker('demo-resident-li'), headers)
    expect(res.status).toBe(403)
    expect(res.text).not.toContain('roles')
    expect(await rolesOf('demo-resident-li')).toEqual(['resident'])
  })

  it.each(['/fn/%2e%2e/admin', '/fn/..%2fadmin', '/fn/%2E%2E%2Fadmin', '/x/../admin', '//admin', '/admin/'])(
    'is not reached by another path: %s',
    async (p) => {
      const res = await raw('POST', `${p}?key=${adminSecret()}&env=local`, grantWorker('demo-resident-li'), {
        'content-type': 'application/json',
      })
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect(await rolesOf('demo-resident-li')).toEqual(['resident'])
    },
  )
})

describe('function payloads', () => {
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

  it('refuses JSON nested deeper than 32 levels with 400, before a function runs', async () => {
    for (const depth of [33, 5000, 100_000]) {
      const res = await raw('POST', '/fn/mall', `{"action":"catalog","x":${nested(depth)}}`, {
        'content-type': 'application/json',
      })
      expect(res.status).toBe(400)
      expect(JSON.parse(res.text)).toMatchObject({ ok: false, code: 'invalid-argument' })
    }
    // Within the limit the function answers (here: it does not know the field).
    const within = await raw('POST', '/fn/mall', `{"action":"catalog","x":${nested(30)}}`, {
      'content-type': 'application/json',
    })
    expect(within.status).toBe(200)
    expect(JSON.parse(within.text)).toMatchObject({ ok: false, code: 'invalid-argument' })
  })

  it('runs a timer only under the trigger name config.json declares', async () => {
    for (const event of [
      { Type: 'Timer' },
      { Type: 'Timer', TriggerName: 'sweep', Time: new Date(0).toISOString() },
      { Type: 'Timer', TriggerName: 'expire-held-orders-2', Time: new Date(0).toISOString() },
    ]) {
      expect(await emu.call('mall', event)).toMatchObject({ ok: false, code: 'invalid-argument' })
    }
    // The declared trigger (config.json) still runs, on the emulated clock, and as a caller with an
    // openid never.
    expect(
      await emu.call('mall', { Type: 'Timer', TriggerName: 'expire-held-orders', Time: '' }, WORKER),
    ).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(
      await emu.call('mall', { Type: 'Timer', TriggerName: 'expire-held-orders', Time: '' }),
    ).toMatchObject({ ok: true, data: { expired: 0 } })
  })
})
