/**
 * `activities.posterCode` over /fn: the code on an activity's poster is WeChat's mini-program code for the
 * activity page with the activity in `scene`, and scanned back it names that activity; only workers make one,
 * and a cancelled or missing activity gets none.
 */
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { activityIdFromScene, POSTER_PAGE, type PosterCode } from '../../types/activities'
import type { Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import { connectSdk } from '../helpers/sdk'

const WORKER = 'demo-worker-liu'
const ACTIVITY = 'demo-act-xiaohongmao-1'

let emu: Emulator
startEmulatorForFile({ seed: 'none', reset: 'demo' }, (started) => {
  emu = started
})

/** What a phone's camera reads from a data URL's PNG. */
function scan(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
}

it('gives a worker a code that scans back to the activity page with the activity in scene', async () => {
  const res = await emu.call<PosterCode>('activities', { action: 'posterCode', id: ACTIVITY }, WORKER)
  expect(res).toMatchObject({ ok: true })
  expect(res.data!.image).toMatch(/^data:image\/png;base64,/)
  const text = scan(res.data!.image)
  expect(text).not.toBeNull()
  const [page, query] = text!.split('?')
  expect(page).toBe(POSTER_PAGE)
  const scene = new URLSearchParams(query).get('scene')
  expect(activityIdFromScene(scene)).toBe(ACTIVITY)
})

it('refuses a missing or cancelled activity and anyone but a worker', async () => {
  expect(await emu.call('activities', { action: 'posterCode', id: 'demo-act-none' }, WORKER)).toMatchObject({
    ok: false,
    code: 'not-found',
  })
  for (const who of ['demo-resident-li', 'demo-volunteer-zhang'])
    expect(await emu.call('activities', { action: 'posterCode', id: ACTIVITY }, who)).toMatchObject({
      ok: false,
      code: 'permission-denied',
    })
  await connectSdk(emu.url)
    .db.collection('activities')
    .doc(ACTIVITY)
    .update({ data: { status: 'cancelled' } })
  expect(await emu.call('activities', { action: 'posterCode', id: ACTIVITY }, WORKER)).toMatchObject({
    ok: false,
    code: 'failed-precondition',
  })
})

it('reads an activity id back from a scene whether WeChat encoded it or not, and nothing else', () => {
  expect(activityIdFromScene('a%3Dabc')).toBe('abc')
  expect(activityIdFromScene('a=abc')).toBe('abc')
  expect(activityIdFromScene('r=abc')).toBeNull()
  expect(activityIdFromScene('')).toBeNull()
  expect(activityIdFromScene(undefined)).toBeNull()
})
