import type { Role } from '@shared/user'

/** A person of the emulator's demo data whom the H5 build can act as. */
export interface DemoIdentity {
  openid: string
  name: string
  role: Role
  note: string
}

/** The event fired after a person picks another demo identity. */
export const IDENTITY_CHANGED = 'identity:changed'
