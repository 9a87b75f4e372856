/**
 * What the page tests share: one real emulator per test file (reset before each test), the demo people it
 * knows, and the small gestures a person makes on a page.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me, Role } from '@shared/user'
import type { DemoIdentity } from '@/services/demo-identity'
import { setDemoIdentity } from '@/services/identity'
import { startEmulator, type Emulator } from './emulator'
import { pageCallsInFlight } from './taro'

/** Starts an emulator with the demo seed for this file and points the app's H5 calls at it. */
export function startEmulatorForFile(): () => Emulator {
  let emulator: Emulator | undefined
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 'demo' })
    process.env.TARO_APP_API_BASE = emulator.url
  })
  afterAll(async () => {
    await emulator?.stop()
  })
  beforeEach(async () => {
    await emulator?.reset('demo')
    Taro.clearStorageSync()
  })
  return () => {
    if (!emulator) throw new Error('the emulator has not started')
    return emulator
  }
}

/** The demo people, as the emulator lists them for the H5 picker. */
export async function demoIdentities(emulator: Emulator): Promise<DemoIdentity[]> {
  const response = await fetch(`${emulator.url}/__emulator/identities`)
  const body = (await response.json()) as { items: DemoIdentity[] }
  return body.items
}

/** Calls a function as `openid` and answers its data, failing the test on an error envelope. */
export async function callAs<T = unknown>(
  emulator: Emulator,
  openid: string,
  data: object,
  name = 'user',
): Promise<T> {
  // What the page is still asking lands first, while Testing Library waits (not during this call, outside act).
  if (pageCallsInFlight() > 0) await waitFor(() => expect(pageCallsInFlight()).toBe(0))
  const envelope = await emulator.call(name, data, openid)
  if (!envelope?.ok)
    throw new Error(`${name}.${(data as { action?: string }).action} failed: ${JSON.stringify(envelope)}`)
  return envelope.data as T
}

/** A demo person of `role`, optionally one that passes `accept` (given their `login`). */
export async function findIdentity(
  emulator: Emulator,
  role: Role,
  accept: (me: Me) => boolean = () => true,
): Promise<DemoIdentity> {
  for (const identity of (await demoIdentities(emulator)).filter((i) => i.role === role)) {
    if (accept(await callAs<Me>(emulator, identity.openid, { action: 'login' }))) return identity
  }
  throw new Error(`the demo seed has no ${role} that fits this test`)
}

/** Chooses who the H5 app acts as, the way the identity picker does. */
export function actAs(identity: DemoIdentity): void {
  act(() => setDemoIdentity(identity))
}

/**
 * Types into the Taro Input or Textarea that shows `placeholder`. Taro's web components draw their inner
 * <input> a moment after they mount, so this waits for it.
 */
export async function typeInto(placeholder: string, value: string): Promise<void> {
  fireEvent.input(await fieldDrawn(placeholder), { target: { value } })
}

/**
 * Waits until the Taro Input or Textarea that shows `placeholder` has drawn its inner <input>, e.g. before a
 * button fills it (a value set before then makes Taro's component fail to update it).
 */
export async function fieldDrawn(placeholder: string): Promise<HTMLElement> {
  return waitFor(() => {
    const inner = screen
      .getAllByPlaceholderText(placeholder)
      .find((el) => el.tagName === 'INPUT' || el.tagName === 'TEXTAREA')
    if (!inner) throw new Error(`no input shows the placeholder "${placeholder}"`)
    return inner
  })
}

/**
 * Taps the one element whose text is `text` (a button, a tag, a menu row), inside `scope` if given, waiting
 * for it to appear first.
 */
export async function tap(text: string | RegExp, scope?: HTMLElement): Promise<void> {
  fireEvent.click(await (scope ? within(scope) : screen).findByText(text))
}

/** Waits until `text` is no longer on the page. */
export async function waitForGone(text: string | RegExp): Promise<void> {
  await waitFor(() => expect(screen.queryByText(text)).not.toBeInTheDocument())
}
