/**
 * What the phone last heard of the roster and the teams, so that a visit can be recorded at a door with no
 * network: 今日待访 and the visit form fall back on it when a call fails. Kept per person (per demo identity
 * on H5).
 */
import Taro from '@tarojs/taro'
import type { CareTeam, DueList, Recipient } from '@shared/care'
import { getDemoOpenid } from '@/services/identity'

const keyOf = (what: string) => `care:cache:${what}:${getDemoOpenid() ?? 'me'}`

function read<T>(what: string): T | null {
  const saved: unknown = Taro.getStorageSync(keyOf(what))
  return saved && typeof saved === 'object' ? (saved as T) : null
}

function write(what: string, value: unknown): void {
  try {
    Taro.setStorageSync(keyOf(what), value)
  } catch {
    // A full storage only costs the offline copy.
  }
}

export const careCache = {
  saveDue: (due: DueList) => write('due', due),
  due: () => read<DueList>('due'),
  saveTeams: (teams: CareTeam[]) => write('teams', teams),
  teams: () => read<CareTeam[]>('teams') ?? [],
  /** A person as last seen in 今日待访. */
  recipient(id: string): Recipient | null {
    const due = read<DueList>('due')
    return [...(due?.overdue ?? []), ...(due?.soon ?? [])].find((r) => r.id === id) ?? null
  },
}
