/**
 * Workers award or deduct points for a person: choose the person, a civic rule (or a whole number), write the
 * reason, read back exactly what will happen, confirm, and see the entry that was written.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { adjustInput, type CivicRule, type LedgerEntry, type PointsRules } from '@shared/points'
import { maskName } from '@shared/text'
import { findPeopleInput, type PersonSummary } from '@shared/user'
import FormField from '@/components/form-field'
import { ErrorState, Loading } from '@/components/page-state'
import PointsEntry, { signedPoints } from '@/components/points-entry'
import RoleTags from '@/components/role-tags'
import { hasRole, useMe } from '@/hooks/use-me'
import { ROUTES, goBack } from '@/routes'
import { toCloudError } from '@/services/cloud'
import { adjustPoints, getRules, newIdempotencyKey } from '@/services/points'
import { findPeople } from '@/services/user'
import './index.scss'
import { personDetails } from '@/utils/person'

const SEARCH_LIMIT = 20
/** Before any search, a few people who used the app lately. */
const RECENT_LIMIT = 6
const NOTE_PLACEHOLDER = '例如：主动把楼道里的垃圾分好类'
const SEARCH_PLACEHOLDER = '姓名，或手机号后4位'
const AMOUNT_PLACEHOLDER = '填整数，例如 5'

/** What the worker chose: a rule of the catalogue, or a number of their own. */
type Choice = { kind: 'rule'; rule: CivicRule } | { kind: 'custom' }

/** A checked adjustment, ready to be confirmed. */
interface Plan {
  person: PersonSummary
  rule: CivicRule | null
  /** Positive to award, negative to deduct. */
  delta: number
  note: string
  /**
   * Made on the device for one adjustment attempt. Retrying the same confirmation — also after going back and
   * coming again with nothing changed — sends the same key, so a change whose answer was lost is not made twice.
   */
  idempotencyKey: string
}

type Draft = Omit<Plan, 'idempotencyKey'>

/** What makes two attempts the same adjustment. */
function fingerprintOf(draft: Draft): string {
  return JSON.stringify([
    draft.person.openid,
    draft.rule?.id ?? null,
    draft.rule ? null : draft.delta,
    draft.note,
  ])
}

/** Only checks the form; the real key is chosen when the worker reaches the confirmation. */
const CHECK_ONLY_KEY = 'check-only-key'

function WorkersOnly() {
  return (
    <View className="card adjust__denied">
      <Text className="adjust__denied-title">仅社工可以使用</Text>
      <Text className="adjust__denied-text">这一页是社工站给居民加分、扣分用的。</Text>
      <Button className="btn btn--primary" onClick={() => goBack(ROUTES.me)}>
        返回
      </Button>
    </View>
  )
}

/** "给 张桂芹 加 5 分：垃圾分类" */
function planSentence(plan: Plan): string {
  const verb = plan.delta > 0 ? '加' : '扣'
  const what = plan.rule ? plan.rule.title : '社工调整'
  return `给 ${plan.person.name} ${verb} ${Math.abs(plan.delta)} 分：${what}`
}

function PersonRow({ person, onChoose }: { person: PersonSummary; onChoose: () => void }) {
  return (
    <View className="adjust__person" onClick={onChoose} role="button">
      <View className="adjust__person-main">
        <Text className="adjust__person-name">{person.name}</Text>
        <Text className="adjust__person-line">{personDetails(person)}</Text>
      </View>
      <Text className="adjust__person-choose">选这位</Text>
    </View>
  )
}

function RuleChip({
  rule,
  selected,
  onChoose,
}: {
  rule: CivicRule
  selected: boolean
  onChoose: () => void
}) {
  const gain = rule.delta > 0
  return (
    <View
      role="radio"
      aria-checked={selected}
      className={`adjust__rule adjust__rule--${gain ? 'gain' : 'loss'}${selected ? ' adjust__rule--selected' : ''}`}
      onClick={onChoose}
    >
      <Text className="adjust__rule-title">{rule.title}</Text>
      <Text className="adjust__rule-delta">{signedPoints(rule.delta)} 分</Text>
    </View>
  )
}

function AdjustForm({ self, onPlan }: { self: string; onPlan: (draft: Draft) => void }) {
  const [query, setQuery] = useState('')
  const [people, setPeople] = useState<PersonSummary[] | null>(null)
  const [searchedFor, setSearchedFor] = useState('')
  const [searching, setSearching] = useState(false)
  const [searchError, setSearchError] = useState<string | null>(null)
  const [person, setPerson] = useState<PersonSummary | null>(null)

  const [rules, setRules] = useState<PointsRules | null>(null)
  const [rulesError, setRulesError] = useState<string | null>(null)
  const [choice, setChoice] = useState<Choice | null>(null)
  const [direction, setDirection] = useState<'add' | 'deduct'>('add')
  const [amount, setAmount] = useState('')
  const [note, setNote] = useState('')
  const [formError, setFormError] = useState<string | null>(null)
  // Only the answer to the latest search is shown.
  const searchRequest = useRef(0)

  const search = useCallback(
    async (text: string) => {
      const parsed = findPeopleInput.safeParse({
        q: text || undefined,
        limit: text ? SEARCH_LIMIT : RECENT_LIMIT,
      })
      if (!parsed.success) {
        setSearchError(parsed.error.issues[0]?.message ?? '搜索内容不正确')
        return
      }
      const id = ++searchRequest.current
      setSearching(true)
      setSearchError(null)
      try {
        const { items } = await findPeople(parsed.data)
        if (id !== searchRequest.current) return
        // A worker does not change their own points.
        setPeople(items.filter((p) => p.openid !== self))
        setSearchedFor(parsed.data.q ?? '')
      } catch (e) {
        if (id === searchRequest.current) setSearchError(toCloudError(e).message)
      } finally {
        if (id === searchRequest.current) setSearching(false)
      }
    },
    [self],
  )

  const loadRules = useCallback(async () => {
    setRulesError(null)
    try {
      setRules(await getRules())
    } catch (e) {
      setRulesError(toCloudError(e).message)
    }
  }, [])

  useEffect(() => {
    void search('')
    void loadRules()
  }, [search, loadRules])

  const next = () => {
    if (!person) return setFormError('请先选择居民')
    if (!choice) return setFormError('请选一条积分规则，或者选“自己填分值”')
    let delta: number
    if (choice.kind === 'rule') delta = choice.rule.delta
    else {
      const text = amount.trim()
      if (!/^\d+$/.test(text)) return setFormError('分值请填整数，例如 5')
      delta = (direction === 'add' ? 1 : -1) * Number(text)
    }
    const parsed = adjustInput.safeParse({
      openid: person.openid,
      ...(choice.kind === 'rule' ? { ruleId: choice.rule.id } : { delta }),
      note,
      idempotencyKey: CHECK_ONLY_KEY,
    })
    if (!parsed.success) return setFormError(parsed.error.issues[0]?.message ?? '填写的内容有误')
    setFormError(null)
    onPlan({
      person,
      rule: choice.kind === 'rule' ? choice.rule : null,
      delta,
      note: parsed.data.note,
    })
  }

  const awards = rules?.civic.filter((rule) => rule.delta > 0) ?? []
  const deductions = rules?.civic.filter((rule) => rule.delta < 0) ?? []
  const isRule = (rule: CivicRule) => choice?.kind === 'rule' && choice.rule.id === rule.id

  return (
    <View>
      <View className="card">
        <Text className="card__title">1. 给谁</Text>
        {person ? (
          <View className="adjust__chosen">
            <View className="adjust__person-main">
              <Text className="adjust__person-name">{person.name}</Text>
              <Text className="adjust__person-line">{personDetails(person)}</Text>
              <RoleTags roles={person.roles} />
            </View>
            <Button className="btn btn--quiet adjust__change" onClick={() => setPerson(null)}>
              换一位
            </Button>
          </View>
        ) : (
          <View>
            <View className="adjust__search">
              <Input
                className="form-field__input adjust__search-input"
                value={query}
                placeholder={SEARCH_PLACEHOLDER}
                placeholderClass="form-field__placeholder"
                maxlength={20}
                confirmType="search"
                onInput={(e) => setQuery(e.detail.value)}
                onConfirm={() => void search(query.trim())}
              />
              <Button
                className="btn btn--primary adjust__search-button"
                disabled={searching || undefined}
                onClick={() => void search(query.trim())}
              >
                搜索
              </Button>
            </View>
            {searchError && <Text className="error-text">{searchError}</Text>}
            {searching && <Loading text="正在查找…" />}
            {!searching && people && (
              <View className="adjust__people">
                <Text className="hint adjust__people-hint">
                  {searchedFor ? `“${searchedFor}”的结果` : '最近用过小社的人；找别人请搜索'}
                </Text>
                {people.length === 0 && (
                  <Text className="adjust__none">没有找到，换个名字或手机号后4位试试</Text>
                )}
                {people.map((p) => (
                  <PersonRow
                    key={p.openid}
                    person={p}
                    onChoose={() => {
                      setPerson(p)
                      setFormError(null)
                    }}
                  />
                ))}
              </View>
            )}
          </View>
        )}
      </View>

      <View className="card">
        <Text className="card__title">2. 加分还是扣分</Text>
        {!rules && rulesError && <ErrorState message={rulesError} onRetry={() => void loadRules()} />}
        {!rules && !rulesError && <Loading />}
        {rules && (
          <View role="radiogroup">
            <Text className="adjust__group adjust__group--gain">加分</Text>
            <View className="adjust__rules">
              {awards.map((rule) => (
                <RuleChip
                  key={rule.id}
                  rule={rule}
                  selected={isRule(rule)}
                  onChoose={() => setChoice({ kind: 'rule', rule })}
                />
              ))}
            </View>
            <Text className="adjust__group adjust__group--loss">扣分</Text>
            <View className="adjust__rules">
              {deductions.map((rule) => (
                <RuleChip
                  key={rule.id}
                  rule={rule}
                  selected={isRule(rule)}
                  onChoose={() => setChoice({ kind: 'rule', rule })}
                />
              ))}
            </View>
            <View
              role="radio"
              aria-checked={choice?.kind === 'custom'}
              className={`adjust__custom-choice${choice?.kind === 'custom' ? ' adjust__custom-choice--selected' : ''}`}
              onClick={() => setChoice({ kind: 'custom' })}
            >
              <Text>自己填分值（不在上面的情况）</Text>
            </View>
            {choice?.kind === 'custom' && (
              <View className="adjust__custom">
                <View className="adjust__direction" role="radiogroup">
                  {(
                    [
                      ['add', '加分'],
                      ['deduct', '扣分'],
                    ] as const
                  ).map(([key, label]) => (
                    <View
                      key={key}
                      role="radio"
                      aria-checked={direction === key}
                      className={`adjust__direction-item${direction === key ? ` adjust__direction-item--${key}` : ''}`}
                      onClick={() => setDirection(key)}
                    >
                      <Text>{label}</Text>
                    </View>
                  ))}
                </View>
                <View className="adjust__amount">
                  <Input
                    className="form-field__input adjust__amount-input"
                    type="number"
                    value={amount}
                    placeholder={AMOUNT_PLACEHOLDER}
                    placeholderClass="form-field__placeholder"
                    maxlength={4}
                    onInput={(e) => setAmount(e.detail.value)}
                  />
                  <Text className="adjust__amount-unit">分</Text>
                </View>
                <Text className="hint">自己填的分值不上积分公示，只记在这位居民自己的明细里。</Text>
              </View>
            )}
          </View>
        )}
      </View>

      <View className="card">
        <Text className="card__title">3. 原因</Text>
        <FormField label="为什么加分或扣分（必填）" hint="会写进这位居民的积分明细，最多100个字">
          <Textarea
            className="form-field__textarea adjust__note"
            value={note}
            placeholder={NOTE_PLACEHOLDER}
            placeholderClass="form-field__placeholder"
            maxlength={100}
            onInput={(e) => setNote(e.detail.value)}
          />
        </FormField>
      </View>

      {formError && <Text className="error-text adjust__form-error">{formError}</Text>}
      <Button className="btn btn--primary" onClick={next}>
        下一步：核对
      </Button>
    </View>
  )
}

function ConfirmStep({
  plan,
  onBack,
  onDone,
}: {
  plan: Plan
  onBack: () => void
  onDone: (entry: LedgerEntry) => void
}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const deduct = plan.delta < 0

  const confirm = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      const entry = await adjustPoints({
        openid: plan.person.openid,
        ...(plan.rule ? { ruleId: plan.rule.id } : { delta: plan.delta }),
        note: plan.note,
        idempotencyKey: plan.idempotencyKey,
      })
      onDone(entry)
    } catch (e) {
      setError(toCloudError(e).message)
      setBusy(false)
    }
  }

  return (
    <View className="card adjust__confirm">
      <Text className="card__title">请核对</Text>
      <Text className={`adjust__sentence adjust__sentence--${deduct ? 'loss' : 'gain'}`}>
        {planSentence(plan)}
      </Text>
      <Text className="adjust__line">
        {`是这位：${plan.person.name}，${personDetails(plan.person, '，')}`}
      </Text>
      <Text className="adjust__line">原因：{plan.note}</Text>
      {deduct && (
        <Text className="adjust__line adjust__warning">
          {`如果${plan.person.name}现在可以用的积分不到 ${Math.abs(plan.delta)} 分，就只扣掉现有的，扣到 0 分为止，不会扣成负数。`}
        </Text>
      )}
      <Text className="adjust__line">
        {plan.rule
          ? `积分公示上会显示为：${maskName(plan.person.name)} ${plan.rule.title} ${signedPoints(plan.delta)}`
          : '这是自己填的分值，不上积分公示。'}
      </Text>
      {error && <Text className="error-text">{error}</Text>}
      <View className="adjust__actions">
        <Button className="btn btn--quiet adjust__action" disabled={busy || undefined} onClick={onBack}>
          返回修改
        </Button>
        <Button
          className={`btn btn--primary adjust__action${deduct ? ' adjust__action--deduct' : ''}`}
          disabled={busy || undefined}
          onClick={() => void confirm()}
        >
          {busy ? '请稍候…' : deduct ? '确认扣分' : '确认加分'}
        </Button>
      </View>
    </View>
  )
}

function DoneStep({ plan, entry, onAgain }: { plan: Plan; entry: LedgerEntry; onAgain: () => void }) {
  const deduct = entry.delta < 0
  const took = Math.abs(entry.delta)
  const asked = Math.abs(plan.delta)
  return (
    <View className="card adjust__done">
      <Text className="adjust__done-title">办好了</Text>
      <Text className={`adjust__sentence adjust__sentence--${deduct ? 'loss' : 'gain'}`}>
        {`已给 ${plan.person.name} ${deduct ? '扣' : '加'} ${took} 分`}
      </Text>
      {deduct && took < asked && (
        <Text className="adjust__line adjust__warning">
          {`${plan.person.name}可以用的积分只有 ${took} 分，所以实际扣了 ${took} 分，没有扣满 ${asked} 分。`}
        </Text>
      )}
      <Text className="adjust__balance">
        {plan.person.name} 现在共有 {entry.balanceAfter} 分
      </Text>
      <View className="adjust__entry">
        <PointsEntry entry={entry} />
      </View>
      <Button className="btn btn--primary" onClick={onAgain}>
        再给别人加分或扣分
      </Button>
      <Button className="btn btn--quiet" onClick={() => goBack(ROUTES.me)}>
        返回
      </Button>
    </View>
  )
}

export default function PointsAdjustPage() {
  const { me, loading, error, reload } = useMe()
  const [plan, setPlan] = useState<Plan | null>(null)
  const [entry, setEntry] = useState<LedgerEntry | null>(null)
  // A new form after each finished adjustment.
  const [round, setRound] = useState(0)
  const attempt = useRef<{ fingerprint: string; key: string } | null>(null)

  const confirmDraft = (draft: Draft) => {
    const fingerprint = fingerprintOf(draft)
    if (attempt.current?.fingerprint !== fingerprint)
      attempt.current = { fingerprint, key: newIdempotencyKey() }
    setPlan({ ...draft, idempotencyKey: attempt.current.key })
  }
  const finish = (written: LedgerEntry) => {
    attempt.current = null
    setEntry(written)
  }

  // Each step starts at the top of the screen, not where the long form was scrolled to.
  const step = !plan ? 'form' : !entry ? 'confirm' : 'done'
  useEffect(() => {
    if (step !== 'form') Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }, [step])

  if (!me) {
    return (
      <View className="page adjust">
        {loading && <Loading />}
        {error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      </View>
    )
  }
  if (!hasRole(me, 'worker')) {
    return (
      <View className="page adjust">
        <WorkersOnly />
      </View>
    )
  }

  return (
    <View className={`page adjust${me.profile.elderMode ? ' page--elder' : ''}`}>
      {/* The form stays mounted (hidden) while confirming, so "返回修改" finds everything as it was. */}
      <View className={plan ? 'adjust__hidden' : ''}>
        <AdjustForm key={round} self={me.openid} onPlan={confirmDraft} />
      </View>
      {plan && !entry && <ConfirmStep plan={plan} onBack={() => setPlan(null)} onDone={finish} />}
      {plan && entry && (
        <DoneStep
          plan={plan}
          entry={entry}
          onAgain={() => {
            setPlan(null)
            setEntry(null)
            setRound((r) => r + 1)
          }}
        />
      )}
    </View>
  )
}
