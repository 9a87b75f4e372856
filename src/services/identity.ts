/**
 * Demo identities exist only in the H5 build, which has no WeChat login (identity.h5.ts). On WeChat the caller
 * is always the WeChat user, so there is nothing to choose here.
 */
import type { DemoIdentity } from './demo-identity'

export function getDemoIdentity(): DemoIdentity | null {
  return null
}

export function getDemoOpenid(): string | null {
  return null
}

/** True while the H5 build waits for a person to pick a demo identity. */
export function needsDemoIdentity(): boolean {
  return false
}

export function setDemoIdentity(_identity: DemoIdentity): void {}

export async function listDemoIdentities(): Promise<DemoIdentity[]> {
  return []
}

/** On WeChat the phone-number button gives the code itself (components/verify-phone). */
export async function demoPhoneCode(): Promise<string> {
  throw new Error('demo phone codes exist only in the H5 build')
}
