/** 爱心敲门's 今日待访 for a team member (care.due): whom their teams should visit now or soon. */
import type { DueList } from '@shared/care'
import { callFunction } from './cloud'

export function listCareDue(): Promise<DueList> {
  return callFunction<DueList>('care', { action: 'due' })
}
