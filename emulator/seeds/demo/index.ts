/** The `demo` seed: a living 裕华区 for a newcomer to walk through. */
import type { Doc } from '../../store'
import type { SeedData } from '../types'
import { demoIdentities, demoUsers } from './people'
import { demoNeeds } from './needs'
import { withPointHistories } from './points'
import { demoShops } from './shops'

export function demoSeed(now: number): SeedData {
  const { users, ledger } = withPointHistories(demoUsers(now), now)
  return {
    docs: {
      users: users as unknown as Doc[],
      merchants: demoShops(now) as unknown as Doc[],
      ledger: ledger as unknown as Doc[],
      needs: demoNeeds(users, ledger, now) as unknown as Doc[],
    },
    identities: demoIdentities(),
  }
}
