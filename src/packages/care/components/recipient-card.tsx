import { type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { AtTag } from 'taro-ui'
import { ARCHIVE_REASON_LABELS, RISK_LABELS, WELLBEING_LABELS, type Recipient } from '@shared/care'
import { formatDayTime } from '@/components/activity-time'
import { ContactLine, addressLabel, callPhone, goToPlace } from '@/components/contact-line'
import { RISK_TONES, WELLBEING_TONES, ageText, dueText } from './care-text'

/** The way to the recipient's home: WeChat's map at it, or the address copied. */
export const goToHome = (r: Pick<Recipient, 'name' | 'address' | 'location'>) =>
  goToPlace({ name: `${r.name}家`, address: r.address, location: r.location })

/** What a tap on the home address does, said beside it. */
export const homeLabel = (r: Pick<Recipient, 'location'>) => addressLabel('住址', r)

interface RecipientCardProps {
  recipient: Recipient
  /** Show the address and phone numbers as taps (今日待访). */
  contact?: boolean
  onOpen: () => void
  children?: ReactNode
}

/** One person of the roster: who, how at risk, when due, the last visit's note. */
export default function RecipientCard({
  recipient: r,
  contact = false,
  onOpen,
  children,
}: RecipientCardProps) {
  const age = ageText(r.birthYear)
  return (
    <View className={`card care-card${r.overdue ? ' care-card--overdue' : ''}`}>
      <View className="care-card__head" role="button" onClick={onOpen}>
        <Text className="care-card__name">{r.name}</Text>
        {age && <Text className="care-card__age">{age}</Text>}
        <AtTag className={`tag ${RISK_TONES[r.risk]}`} circle>
          {RISK_LABELS[r.risk]}
        </AtTag>
      </View>
      {r.circumstances.length > 0 && <Text className="care-card__line">{r.circumstances.join('、')}</Text>}
      {r.status === 'archived' ? (
        <Text className="care-card__due">
          已归档{r.archiveReason ? `：${ARCHIVE_REASON_LABELS[r.archiveReason]}` : ''}
        </Text>
      ) : (
        <Text className={`care-card__due${r.overdue ? ' care-card__due--overdue' : ''}`}>
          {dueText(r)} · 每{r.visitEveryDays}天走访一次
        </Text>
      )}
      {contact && <ContactLine label={homeLabel(r)} value={r.address} onTap={() => goToHome(r)} />}
      {contact && r.phone && <ContactLine label="电话" value={r.phone} onTap={() => callPhone(r.phone!)} />}
      {contact && r.emergencyContact && (
        <ContactLine
          label={`紧急联系人（${r.emergencyContact.relation}）`}
          value={`${r.emergencyContact.name} ${r.emergencyContact.phone}`}
          onTap={() => callPhone(r.emergencyContact!.phone)}
        />
      )}
      {r.lastVisitAt ? (
        <View className="care-card__last">
          <Text className="care-card__last-when">
            上次走访：{formatDayTime(r.lastVisitAt)}
            {r.lastWellbeing ? ` · ${WELLBEING_LABELS[r.lastWellbeing]}` : ''}
          </Text>
          {r.lastNote && <Text className="care-card__last-note">“{r.lastNote}”</Text>}
        </View>
      ) : (
        <Text className="care-card__line">还没有走访过</Text>
      )}
      {r.lastWellbeing && r.lastWellbeing !== 'well' && (
        <AtTag className={`tag ${WELLBEING_TONES[r.lastWellbeing]}`} circle>
          上次{WELLBEING_LABELS[r.lastWellbeing]}
        </AtTag>
      )}
      {children && <View className="care-card__actions">{children}</View>}
    </View>
  )
}
