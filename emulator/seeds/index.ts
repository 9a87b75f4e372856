/** Seeds by name: `demo` fills a living district, `none` leaves the collections empty. */
import type { Store } from '../store'
import { demoSeed } from './demo'
import type { DemoIdentity, SeedData } from './types'

export const SEEDS = ['demo', 'none'] as const
export type SeedName = (typeof SEEDS)[number]

export function isSeedName(value: unknown): value is SeedName {
  return typeof value === 'string' && (SEEDS as readonly string[]).includes(value)
}

function seedData(name: SeedName, now: number): SeedData {
  return name === 'demo' ? demoSeed(now) : { docs: {}, identities: [] }
}

/**
 * Loads a seed into an empty database once; a database that was already seeded keeps its data, so a
 * restart never duplicates or overwrites what people did. Its files go to the cloud storage through `putFile`.
 */
export function applySeed(
  store: Store,
  name: SeedName,
  now: number,
  putFile: (path: string, bytes: Buffer) => void,
): boolean {
  if (store.getMeta('seed') !== null) return false
  const data = seedData(name, now)
  for (const file of data.files ?? []) putFile(file.path, file.bytes)
  for (const [coll, docs] of Object.entries(data.docs)) {
    if (!store.hasCollection(coll)) throw new Error(`seed ${name} writes to undeclared collection ${coll}`)
    store.apply(docs.map((doc) => ({ coll, id: doc._id, doc })))
  }
  store.setMeta('identities', JSON.stringify(data.identities))
  store.setMeta('seed', name)
  return true
}

export function identities(store: Store): DemoIdentity[] {
  const raw = store.getMeta('identities')
  return raw ? (JSON.parse(raw) as DemoIdentity[]) : []
}
