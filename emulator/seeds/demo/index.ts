/** The `demo` seed: a living 裕华区 for a newcomer to walk through. */
import { serviceFromRecords } from '../../../types/service'
import type { Doc } from '../../store'
import type { SeedData } from '../types'
import { demoActivities } from './activities'
import { demoCare } from './care'
import { demoCorners } from './corners'
import { demoMall } from './mall'
import { demoIdentities, demoUsers } from './people'
import { demoNeeds } from './needs'
import { withPointHistories } from './points'
import { withReport } from './report'
import { demoShops } from './shops'

export function demoSeed(now: number): SeedData {
  const history = withPointHistories(demoUsers(now), now)
  const shops = demoShops(now)
  const mall = demoMall(shops, history.users, history.ledger, now)
  const { corners, projects, files: covers } = demoCorners(now)
  const acts = demoActivities(corners, projects, mall.users, mall.ledger, now)
  const care = demoCare(acts.users, acts.ledger, now)
  const { ledger } = care
  // The report's counters are what the seeded records count (and the records carry what the functions stamp).
  const { needs, signups, visits, reportDays } = withReport(
    {
      users: care.users,
      needs: demoNeeds(care.users, ledger, now),
      activities: acts.activities,
      signups: acts.signups,
      recipients: care.recipients,
      visits: care.visits,
      ledger,
      orders: mall.orders,
    },
    now,
  )
  // Each person's service time is what the seeded confirmed needs, shifts and visits add up to.
  const records = { needs, signups, visits }
  const users = care.users.map((u) => ({ ...u, service: serviceFromRecords(u.openid, records) }))
  return {
    docs: {
      users: users as unknown as Doc[],
      merchants: shops as unknown as Doc[],
      rewards: mall.rewards as unknown as Doc[],
      orders: mall.orders as unknown as Doc[],
      ledger: ledger as unknown as Doc[],
      needs: needs as unknown as Doc[],
      corners: corners as unknown as Doc[],
      projects: projects as unknown as Doc[],
      activities: acts.activities as unknown as Doc[],
      signups: signups as unknown as Doc[],
      agendas: acts.agendas as unknown as Doc[],
      care_teams: care.teams as unknown as Doc[],
      care_members: care.members as unknown as Doc[],
      care_recipients: care.recipients as unknown as Doc[],
      care_visits: visits as unknown as Doc[],
      report_days: reportDays as unknown as Doc[],
    },
    identities: demoIdentities(),
    files: [...mall.files, ...covers],
  }
}
