/**
 * wx-server-sdk in the test process, pointed at an emulator: the conformance tests drive the real SDK
 * exactly as a cloud function does.
 */
import { sdkEnvironment } from './emulator'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Sdk = { cloud: any; db: any; _: any; $: any }

export function connectSdk(url: string, openid = ''): Sdk {
  Object.assign(process.env, sdkEnvironment(url, openid))
  // The SDK arms a 3 s "slow request" warning per database request and clears it only when the request
  // succeeds: a request cut off by a kill -9 leaves it to fire after its test file has finished, which Jest
  // counts as a failure. Tests do not time anything (the bench does), so the warning is switched off here.
  process.env.SILENCE = 'true'
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = cloud.database()
  return { cloud, db, _: db.command, $: db.command.aggregate }
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ errCode?: number; errMsg?: string; message?: string }> {
  try {
    await promise
  } catch (err) {
    return err as { errCode?: number; errMsg?: string }
  }
  throw new Error('expected the call to fail, but it succeeded')
}
