/**
 * 服务记录与证明: a person's confirmed service hours, the record behind them by year (what, where, when, minutes,
 * who confirmed), their 志愿服务证明 and a new one for a period.
 */
import { useCallback, useState } from 'react'
import { Button, Picker, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { Certificate, ServiceRecord } from '@shared/certificate'
import { hoursText, SERVICE_KIND_LABELS } from '@shared/service'
import { shanghaiDay } from '@shared/time'
import { Chips } from '@/components/chips'
import { formatNeedTime } from '@/components/need-card'
import ListFooter from '@/components/need-list'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import ServiceHours from '@/components/service-hours'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { ROUTES, openPage } from '@/routes'
import { getMyCertificates, getServiceRecords, issueCertificate } from '@/services/certificate'
import { toCloudError } from '@/services/cloud'
import { dayText } from '../../certificate-image'
import './index.scss'

const YEARS_SHOWN = 5
const DAY_MS = 86_400_000

type PeriodChoice = 'year' | 'last-year' | 'twelve-months' | 'custom'

const PERIOD_OPTIONS: { value: PeriodChoice; label: string }[] = [
  { value: 'year', label: '今年' },
  { value: 'last-year', label: '去年' },
  { value: 'twelve-months', label: '近一年' },
  { value: 'custom', label: '自己选' },
]

/** The period a choice stands for, in Beijing days, ending today at the latest. */
function periodOf(choice: PeriodChoice, custom: { from: string; to: string }) {
  const today = shanghaiDay(Date.now())
  const year = Number(today.slice(0, 4))
  if (choice === 'year') return { from: `${year}-01-01`, to: today }
  if (choice === 'last-year') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` }
  if (choice === 'twelve-months') return { from: shanghaiDay(Date.now() - 365 * DAY_MS), to: today }
  return custom
}

function IssueForm() {
  const [choice, setChoice] = useState<PeriodChoice>('year')
  const today = shanghaiDay(Date.now())
  const [custom, setCustom] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today })
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')
  const period = periodOf(choice, custom)

  const issue = async () => {
    if (busy) return
    setBusy(true)
    setProblem('')
    try {
      const cert = await issueCertificate({ period })
      openPage(`${ROUTES.certificate}?serial=${cert.serial}`)
    } catch (e) {
      setProblem(toCloudError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card service__issue">
      <Text className="card__title">开具志愿服务证明</Text>
      <Text className="hint">证明写明这段时间里已确认的服务时长，带编号和核验二维码，可以保存成图片。</Text>
      <Chips options={PERIOD_OPTIONS} value={choice} onChange={setChoice} />
      {choice === 'custom' && (
        <View className="service__dates">
          <Picker
            mode="date"
            value={custom.from}
            end={today}
            onChange={(e) => setCustom({ ...custom, from: String(e.detail.value) })}
          >
            <View className="service__date" role="button">
              从 {dayText(custom.from)}
            </View>
          </Picker>
          <Picker
            mode="date"
            value={custom.to}
            end={today}
            onChange={(e) => setCustom({ ...custom, to: String(e.detail.value) })}
          >
            <View className="service__date" role="button">
              到 {dayText(custom.to)}
            </View>
          </Picker>
        </View>
      )}
      <Text className="service__period">
        时间段：{dayText(period.from)} 至 {dayText(period.to)}
      </Text>
      {problem && <Text className="error-text">{problem}</Text>}
      <Button
        className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={() => void issue()}
      >
        {busy ? '正在开具…' : '开具证明'}
      </Button>
    </View>
  )
}

function CertificateRow({ cert }: { cert: Certificate }) {
  return (
    <View
      className="card service__row"
      role="button"
      onClick={() => openPage(`${ROUTES.certificate}?serial=${cert.serial}`)}
    >
      <View className="service__row-head">
        <Text className="service__row-title">
          {dayText(cert.period.from)} 至 {dayText(cert.period.to)}
        </Text>
        <Text className={`service__state${cert.status === 'revoked' ? ' service__state--revoked' : ''}`}>
          {cert.status === 'revoked' ? '已作废' : '有效'}
        </Text>
      </View>
      <Text className="service__row-line">
        共{hoursText(cert.total)}小时 · {cert.serial}
      </Text>
      {cert.status === 'revoked' && cert.revokeReason && (
        <Text className="service__row-line">作废原因：{cert.revokeReason}</Text>
      )}
    </View>
  )
}

function Certificates() {
  const fetchPage = useCallback((cursor: string | undefined) => getMyCertificates({ cursor, limit: 10 }), [])
  const list = usePagedList(fetchPage)
  return (
    <View className="service__section">
      <Text className="card__title service__section-title">我的证明</Text>
      {list.loading && list.items.length === 0 && <Loading />}
      {list.error && list.items.length === 0 && (
        <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
      )}
      {!list.loading && !list.error && list.items.length === 0 && (
        <Text className="hint">还没有开具过证明。</Text>
      )}
      {list.items.map((cert) => (
        <CertificateRow key={cert.serial} cert={cert} />
      ))}
      <ListFooter list={list} />
    </View>
  )
}

function RecordRow({ record }: { record: ServiceRecord }) {
  return (
    <View className="card service__row">
      <View className="service__row-head">
        <Text className="service__row-title">{record.title}</Text>
        <Text className="service__minutes">{record.minutes}分钟</Text>
      </View>
      <Text className="service__row-line">
        {SERVICE_KIND_LABELS[record.kind]}
        {record.where ? ` · ${record.where}` : ''}
      </Text>
      <Text className="service__row-line">
        {formatNeedTime(record.at)} · {record.confirmedBy}确认
      </Text>
    </View>
  )
}

function Records({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const thisYear = Number(shanghaiDay(Date.now()).slice(0, 4))
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => ({
    value: thisYear - i,
    label: `${thisYear - i}年`,
  }))
  const fetchPage = useCallback(
    (cursor: string | undefined) => getServiceRecords({ year, cursor, limit: 20 }),
    [year],
  )
  const list = usePagedList(fetchPage)
  useReachBottom(() => {
    void list.loadMore()
  })
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  return (
    <View className="service__section">
      <Text className="card__title service__section-title">服务记录</Text>
      <Chips options={years} value={year} onChange={onYear} />
      {list.loading && list.items.length === 0 && <Loading />}
      {list.error && list.items.length === 0 && (
        <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
      )}
      {!list.loading && !list.error && list.items.length === 0 && (
        <EmptyState title={`${year}年还没有已确认的服务`} text="服务被确认后，会一条条记在这里。" />
      )}
      {list.items.map((record) => (
        <RecordRow key={`${record.kind}-${record.id}`} record={record} />
      ))}
      <ListFooter list={list} />
    </View>
  )
}

export default function ServiceRecordPage() {
  const { me, loading, error, needsIdentity, reload } = useMe()
  const [year, setYear] = useState(() => Number(shanghaiDay(Date.now()).slice(0, 4)))
  const elder = Boolean(me?.profile.elderMode)
  return (
    <View className={`page service${elder ? ' page--elder' : ''}`}>
      {!me && loading && <Loading />}
      {!me && error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请先到“我的”里选一位体验身份。" />}
      {me && (
        <>
          <ServiceHours service={me.service} emptyText="帮邻居、参加活动、爱心敲门，被确认后时长记在这里。" />
          <IssueForm />
          <Certificates />
          <Records year={year} onYear={setYear} />
        </>
      )}
    </View>
  )
}
