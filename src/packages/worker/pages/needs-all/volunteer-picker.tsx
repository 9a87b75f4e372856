import { useState } from 'react'
import type { Need } from '@shared/needs'
import type { PersonSummary } from '@shared/user'
import ConfirmDialog from '@/components/confirm-dialog'
import VolunteerFinder, { openTasksText } from '@/components/volunteer-finder'
import { dispatchNeed } from '@/services/needs'

interface VolunteerPickerProps {
  need: Need
  onDispatched: (need: Need) => void
  onClose: () => void
}

/**
 * A sheet to choose an approved volunteer, by name or phone, and hand them the need: each shows skills, 同社区
 * and open tasks, neighbours and the least busy first.
 */
export default function VolunteerPicker({ need, onDispatched, onClose }: VolunteerPickerProps) {
  const [chosen, setChosen] = useState<PersonSummary | null>(null)
  return (
    <VolunteerFinder
      title="派给哪位志愿者？"
      subtitle={`需求：${need.title}`}
      pickLabel="派单"
      onPick={setChosen}
      onClose={onClose}
      needId={need.id}
    >
      {chosen && (
        <ConfirmDialog
          title={`派给${chosen.name}？`}
          content={`“${need.title}”将交给${chosen.name}${
            chosen.forNeed && chosen.forNeed.openTasks > 0 ? `（${openTasksText(chosen.forNeed)}）` : ''
          }，对方会收到微信通知，并能看到居民的地址和电话。`}
          confirmText="确认派单"
          onConfirm={async () => {
            const dispatched = await dispatchNeed(need.id, chosen.openid)
            setChosen(null)
            onDispatched(dispatched)
          }}
          onClose={() => setChosen(null)}
        />
      )}
    </VolunteerFinder>
  )
}
