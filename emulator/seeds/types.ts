import type { Doc } from '../store'

/** A person a newcomer can act as in the H5 build's 体验身份 picker. */
export interface DemoIdentity {
  openid: string
  name: string
  role: 'resident' | 'volunteer' | 'worker' | 'merchant'
  note: string
}

/** What a seed puts into the database: documents by collection, the identities to offer, and stored files. */
export interface SeedData {
  docs: Record<string, Doc[]>
  identities: DemoIdentity[]
  /** Files of the cloud storage, by path (the documents refer to them by file ID). */
  files?: Array<{ path: string; bytes: Buffer }>
}
