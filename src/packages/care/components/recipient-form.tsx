import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { LatLng } from '@shared/corners'
import {
  CIRCUMSTANCES,
  DEFAULT_VISIT_EVERY_DAYS,
  RISKS,
  RISK_LABELS,
  upsertRecipientInput,
  type CareTeam,
  type Recipient,
  type Risk,
  type UpsertRecipientInput,
} from '@shared/care'
import Icon from '@/components/icon'
import { Chips, FieldError, MultiChips, errorOf, fieldErrors, typedNumber } from '@/components/chips'
import FormField, { TextField } from '@/components/form-field'
import PlaceOnMap from '@/components/place-on-map'
import { toCloudError } from '@/services/cloud'

/** What registering keeps and who sees it, in one sentence the person (or a guardian) agrees to. */
export const CONSENT_TEXT =
  '老人或监护人已同意：社工站保存老人的姓名、住址（和地图位置）、电话、身体情况和走访记录，只有社工和负责走访的服务队能看到。'

interface RecipientFormProps {
  teams: CareTeam[]
  /** The person being edited; a new registration without. */
  existing?: Recipient
  onSubmit: (input: UpsertRecipientInput) => Promise<void>
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined)

/** Register a person on the care roster, or change their record; nothing is sent without the consent ticked. */
export default function RecipientForm({ teams, existing, onSubmit }: RecipientFormProps) {
  const ec = existing?.emergencyContact
  const [name, setName] = useState(existing?.name ?? '')
  const [gender, setGender] = useState<'male' | 'female' | null>(existing?.gender ?? null)
  const [birthYear, setBirthYear] = useState(existing?.birthYear ? String(existing.birthYear) : '')
  const [community, setCommunity] = useState(existing?.community ?? teams[0]?.communities[0] ?? '')
  const [address, setAddress] = useState(existing?.address ?? '')
  const [location, setLocation] = useState<LatLng | null>(existing?.location ?? null)
  const [phone, setPhone] = useState(existing?.phone ?? '')
  const [ecName, setEcName] = useState(ec?.name ?? '')
  const [ecPhone, setEcPhone] = useState(ec?.phone ?? '')
  const [ecRelation, setEcRelation] = useState(ec?.relation ?? '')
  const [circumstances, setCircumstances] = useState<string[]>(existing?.circumstances ?? [])
  const [risk, setRisk] = useState<Risk | null>(existing?.risk ?? null)
  const [every, setEvery] = useState(existing ? String(existing.visitEveryDays) : '')
  const [teamId, setTeamId] = useState<string | null>(
    existing?.teamId ?? (teams.length === 1 ? teams[0].id : null),
  )
  const [notes, setNotes] = useState(existing?.notes ?? '')
  // An edit keeps the consent given at registration; a new registration asks for it.
  const [consent, setConsent] = useState(Boolean(existing))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const anyContact = ecName.trim() || ecPhone.trim() || ecRelation.trim()
    const candidate = {
      ...(existing ? { id: existing.id } : {}),
      name,
      gender,
      birthYear: birthYear.trim() ? typedNumber(birthYear) : null,
      community,
      address,
      location,
      phone: optional(phone) ?? null,
      emergencyContact: anyContact ? { name: ecName, phone: ecPhone, relation: ecRelation } : null,
      circumstances,
      risk: risk ?? undefined,
      ...(every.trim() ? { visitEveryDays: typedNumber(every) } : {}),
      teamId: teamId ?? undefined,
      notes: notes.trim(),
      ...(consent ? { consent: true } : {}),
    }
    const parsed = upsertRecipientInput.safeParse(candidate)
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues))
      setProblem('还有没填好的地方，请看红字')
      return
    }
    setErrors({})
    setProblem(null)
    setBusy(true)
    try {
      await onSubmit(parsed.data)
    } catch (e) {
      setProblem(toCloudError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="recipient-form">
      <View className="card">
        <TextField
          label="姓名"
          value={name}
          onChange={setName}
          placeholder="例如：刘凤琴"
          maxlength={20}
          error={errorOf(errors, 'name')}
        />
        <FormField label="性别">
          <Chips
            options={[
              { value: null, label: '不填' },
              { value: 'female', label: '女' },
              { value: 'male', label: '男' },
            ]}
            value={gender}
            onChange={setGender}
          />
        </FormField>
        <TextField
          label="出生年份"
          value={birthYear}
          onChange={setBirthYear}
          placeholder="例如：1941"
          maxlength={4}
          type="number"
          error={errorOf(errors, 'birthYear')}
        />
        <TextField
          label="所在社区"
          value={community}
          onChange={setCommunity}
          placeholder="例如：道义街3502社区"
          maxlength={30}
          error={errorOf(errors, 'community')}
        />
        <TextField
          label="住址"
          hint="写到门牌号，队员照着找上门"
          value={address}
          onChange={setAddress}
          placeholder="例如：3栋1单元101"
          maxlength={100}
          error={errorOf(errors, 'address')}
        />
        <PlaceOnMap
          label="地图位置（可不填）"
          hint="选好后，队员在今日待访点一下住址就能导航上门"
          location={location}
          onChange={setLocation}
        />
        <TextField
          label="老人电话（可不填）"
          value={phone}
          onChange={setPhone}
          placeholder="11位手机号"
          maxlength={11}
          type="number"
          error={errorOf(errors, 'phone')}
        />
      </View>

      <View className="card">
        <Text className="card__title">紧急联系人（可不填）</Text>
        <TextField
          label="姓名"
          value={ecName}
          onChange={setEcName}
          placeholder="例如：王建华"
          maxlength={20}
          error={errorOf(errors, 'emergencyContact.name')}
        />
        <TextField
          label="电话"
          value={ecPhone}
          onChange={setEcPhone}
          placeholder="紧急联系人的11位手机号"
          maxlength={11}
          type="number"
          error={errorOf(errors, 'emergencyContact.phone')}
        />
        <TextField
          label="与老人的关系"
          value={ecRelation}
          onChange={setEcRelation}
          placeholder="例如：儿子"
          maxlength={10}
          error={errorOf(errors, 'emergencyContact.relation')}
        />
        <FieldError message={errors.emergencyContact} />
      </View>

      <View className="card">
        <FormField label="老人的情况" hint="可以选几项">
          <MultiChips
            options={CIRCUMSTANCES.map((value) => ({ value, label: value }))}
            values={circumstances}
            onChange={setCircumstances}
          />
          <FieldError message={errorOf(errors, 'circumstances')} />
        </FormField>
        <FormField label="风险等级" hint="不填走访间隔时：高风险7天、中风险14天、低风险30天走访一次">
          <Chips
            options={RISKS.map((value) => ({ value, label: RISK_LABELS[value] }))}
            value={risk}
            onChange={setRisk}
          />
          <FieldError message={errors.risk} />
        </FormField>
        <TextField
          label="几天走访一次"
          hint={risk ? `不填就是${DEFAULT_VISIT_EVERY_DAYS[risk]}天` : '1到90天，不填按风险等级'}
          value={every}
          onChange={setEvery}
          placeholder="天数"
          maxlength={2}
          type="number"
          error={errorOf(errors, 'visitEveryDays')}
        />
        <FormField label="负责走访的服务队">
          {teams.length === 0 ? (
            <Text className="error-text">还没有服务队，请先在“服务队”里建一个。</Text>
          ) : (
            <Chips
              options={teams.map((t) => ({ value: t.id, label: t.name }))}
              value={teamId}
              onChange={setTeamId}
            />
          )}
          <FieldError message={errors.teamId} />
        </FormField>
        <TextField
          label="照护备注"
          hint="队员上门要知道的事：病情、用药、脾气、钥匙放哪"
          value={notes}
          onChange={setNotes}
          placeholder="例如：有高血压，每天早上吃药；耳朵背，敲门要用力"
          maxlength={500}
          error={errorOf(errors, 'notes')}
          multiline
        />
      </View>

      <View className="card">
        <View
          className="care-check"
          role="checkbox"
          aria-checked={consent}
          onClick={() => setConsent((on) => !on)}
        >
          <View className={`care-check__box${consent ? ' care-check__box--on' : ''}`}>
            {consent && <Icon name="check" size="small" tone="white" />}
          </View>
          <View>
            <Text className="recipient-form__consent-title">已同意登记</Text>
            <Text className="hint">{CONSENT_TEXT}</Text>
          </View>
        </View>
        <FieldError message={errors.consent} />
      </View>

      {problem && <Text className="error-text recipient-form__problem">{problem}</Text>}
      <Button className="btn btn--primary" disabled={busy || undefined} onClick={() => void submit()}>
        {busy ? '正在保存…' : existing ? '保存修改' : '登记'}
      </Button>
    </View>
  )
}
