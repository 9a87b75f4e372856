import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import {
  SERVICES,
  VISIT_KINDS,
  VISIT_KIND_LABELS,
  WELLBEING,
  WELLBEING_LABELS,
  logVisitInput,
  parseDoorQr,
  type LogVisitInput,
  type PersonName,
  type VisitKind,
  type Wellbeing,
} from '@shared/care'
import { NEED_CATEGORIES, NEED_CATEGORY_LABELS, type NeedCategory } from '@shared/needs'
import Icon from '@/components/icon'
import { Chips, FieldError, MultiChips, errorOf, fieldErrors, typedNumber } from '@/components/chips'
import FormField, { TextField } from '@/components/form-field'
import { CARE_TEMPLATES } from '@/services/care'
import { visitQueue } from '@/services/care-visits'
import { askForNotices } from '@/services/notices'
import { CAN_SCAN, scanQrCode } from '@/services/device'

const MINUTE_CHOICES = ['15', '30', '45', '60', '90']

export type VisitOutcome = { state: 'sent' } | { state: 'waiting' }

interface VisitFormProps {
  recipient: { id: string; name: string }
  /** Team members who may have come along (not the person recording). */
  companions: PersonName[]
  /** The person recording captains the team: they are asked for the urgent-visit alerts. */
  captain: boolean
  onDone: (outcome: VisitOutcome) => void
}

/**
 * A visit as recorded at the door: how the person is (平安/需关注/紧急), what was done, a short note, how long,
 * who came along; 到门 by scanning the door code; optionally a need posted for the person at the same time.
 * It is kept on the phone first and sent from there, so a lost network loses nothing.
 */
export default function VisitForm({ recipient, companions, captain, onDone }: VisitFormProps) {
  const [kind, setKind] = useState<VisitKind>('door')
  const [wellbeing, setWellbeing] = useState<Wellbeing | null>(null)
  const [services, setServices] = useState<string[]>([])
  const [note, setNote] = useState('')
  const [minutes, setMinutes] = useState('30')
  const [coVisitors, setCoVisitors] = useState<string[]>([])
  const [doorToken, setDoorToken] = useState<string | null>(null)
  const [doorTyped, setDoorTyped] = useState('')
  const [doorProblem, setDoorProblem] = useState<string | null>(null)
  const [raise, setRaise] = useState(false)
  const [category, setCategory] = useState<NeedCategory>('elderly')
  const [needTitle, setNeedTitle] = useState(`${recipient.name}需要帮忙`)
  const [needText, setNeedText] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const acceptDoor = (text: string) => {
    const token = parseDoorQr(text.trim())
    if (!token) {
      setDoorProblem('这不是爱心敲门的门牌码，请扫贴在老人家门上的码')
      return
    }
    setDoorToken(token)
    setDoorProblem(null)
  }

  const scan = async () => {
    // Closing the camera is not an error: the visit can be recorded without the scan.
    const scanned = await scanQrCode()
    if (scanned !== null) acceptDoor(scanned)
  }

  const submit = async () => {
    if (busy) return
    // Inside the tap, before anything else (WeChat shows its dialog only there).
    if (captain && wellbeing === 'urgent') void askForNotices([CARE_TEMPLATES.alert])
    const input: Omit<LogVisitInput, 'idempotencyKey'> = {
      recipientId: recipient.id,
      at: Date.now(),
      minutes: typedNumber(minutes) as number,
      kind,
      wellbeing: wellbeing as Wellbeing,
      ...(services.length > 0 ? { services } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(coVisitors.length > 0 ? { coVisitors } : {}),
      ...(doorToken ? { doorToken } : {}),
      ...(raise
        ? {
            raiseNeed: {
              category,
              title: needTitle,
              description: needText,
              ...(wellbeing === 'urgent' ? { urgency: 'urgent' as const } : {}),
            },
          }
        : {}),
    }
    const parsed = logVisitInput.safeParse({ ...input, idempotencyKey: 'checking-only' })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues))
      return
    }
    setErrors({})
    setProblem(null)
    setBusy(true)
    try {
      const saved = visitQueue.save(parsed.data, recipient.name)
      // A flush already under way may have started before this visit was saved: then one more.
      for (let round = 0; round < 2; round++) {
        await visitQueue.flush()
        if (!visitQueue.pending().some((i) => i.key === saved.key && !i.problem)) break
      }
      const left = visitQueue.pending().find((i) => i.key === saved.key)
      if (left?.problem) {
        // Refused (a rule, a word the content check rejects): nothing was recorded; say why, keep the form.
        visitQueue.discard(saved.key)
        setProblem(left.problem)
        return
      }
      onDone(left ? { state: 'waiting' } : { state: 'sent' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="visit-form">
      <View className="card">
        <Text className="card__title">到门</Text>
        {doorToken ? (
          <Text className="visit-form__door-ok">
            <Icon name="check" /> 已扫门牌码，这次走访记为“到门”
          </Text>
        ) : (
          <>
            {CAN_SCAN && (
              <Button className="btn btn--secondary" onClick={() => void scan()}>
                扫门牌码
              </Button>
            )}
            {!CAN_SCAN && (
              <View className="visit-form__door-typed">
                <Input
                  className="form-field__input"
                  value={doorTyped}
                  maxlength={200}
                  placeholder="粘贴门牌码的文字"
                  placeholderClass="form-field__placeholder"
                  onInput={(e) => setDoorTyped(e.detail.value)}
                />
                <Button className="btn btn--secondary" onClick={() => acceptDoor(doorTyped)}>
                  确认到门
                </Button>
              </View>
            )}
            {doorProblem && <Text className="error-text">{doorProblem}</Text>}
            <Text className="hint">没扫码也可以记录，这次走访会标为“未扫码”。</Text>
          </>
        )}
      </View>

      <View className="card">
        <FormField label="老人情况">
          <Chips
            options={WELLBEING.map((value) => ({ value, label: WELLBEING_LABELS[value] }))}
            value={wellbeing}
            onChange={setWellbeing}
          />
          <FieldError message={errors.wellbeing} />
          {wellbeing === 'urgent' && (
            <Text className="visit-form__urgent">选“紧急”后，队长和社工会马上收到微信提醒。</Text>
          )}
        </FormField>
        <FormField label="走访方式">
          <Chips
            options={VISIT_KINDS.map((value) => ({ value, label: VISIT_KIND_LABELS[value] }))}
            value={kind}
            onChange={setKind}
          />
        </FormField>
        <FormField label="做了什么" hint="可以选几项">
          <MultiChips
            options={SERVICES.map((value) => ({ value, label: value }))}
            values={services}
            onChange={setServices}
          />
        </FormField>
        <TextField
          label="备注"
          hint="一两句话：身体、心情、家里有什么需要"
          value={note}
          onChange={setNote}
          placeholder="例如：血压正常，冰箱里菜不多了"
          maxlength={300}
          error={errorOf(errors, 'note')}
          multiline
        />
        <FormField label="用了多少分钟">
          <Chips
            options={MINUTE_CHOICES.map((value) => ({ value, label: `${value}分钟` }))}
            value={MINUTE_CHOICES.includes(minutes) ? minutes : ''}
            onChange={setMinutes}
          />
        </FormField>
        <TextField
          label="或者填写分钟数"
          value={minutes}
          onChange={setMinutes}
          placeholder="分钟数"
          maxlength={3}
          type="number"
          error={errorOf(errors, 'minutes')}
        />
        {companions.length > 0 && (
          <FormField label="一起去的队员" hint="同去的队员也会一起记上这次走访">
            <MultiChips
              options={companions.map((p) => ({ value: p.openid, label: p.name }))}
              values={coVisitors}
              onChange={setCoVisitors}
            />
            <FieldError message={errorOf(errors, 'coVisitors')} />
          </FormField>
        )}
      </View>

      <View className="card">
        <View
          className="care-check"
          role="checkbox"
          aria-checked={raise}
          onClick={() => setRaise((on) => !on)}
        >
          <View className={`care-check__box${raise ? ' care-check__box--on' : ''}`}>
            {raise && <Icon name="check" size="small" tone="white" />}
          </View>
          <View>
            <Text className="visit-form__raise">转为求助</Text>
            <Text className="hint">替{recipient.name}发一条求助，志愿者马上能看到并接单。</Text>
          </View>
        </View>
        {raise && (
          <View>
            <FormField label="求助类别">
              <Chips
                options={NEED_CATEGORIES.map((value) => ({ value, label: NEED_CATEGORY_LABELS[value] }))}
                value={category}
                onChange={setCategory}
              />
            </FormField>
            <TextField
              label="求助标题"
              value={needTitle}
              onChange={setNeedTitle}
              maxlength={50}
              error={errorOf(errors, 'raiseNeed.title')}
            />
            <TextField
              label="需要什么帮助"
              value={needText}
              onChange={setNeedText}
              placeholder="例如：家里水管漏水，需要人来修"
              maxlength={1000}
              error={errorOf(errors, 'raiseNeed.description')}
              multiline
            />
          </View>
        )}
      </View>

      {problem && <Text className="error-text visit-form__problem">{problem}</Text>}
      <Button
        className="btn btn--primary visit-form__submit"
        disabled={busy || undefined}
        onClick={() => void submit()}
      >
        {busy ? '正在保存…' : '保存走访记录'}
      </Button>
    </View>
  )
}
