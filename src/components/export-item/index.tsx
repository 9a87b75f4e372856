/**
 * 导出: the station's Excel files (report.export). Each button builds its file in the `report` function —
 * several calls for a long list, the rows read so far shown while it works — and then opens it: openDocument
 * on WeChat (which offers to send it on), a download in the browser. The needs list with addresses and
 * phones asks first.
 */
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { EXPORT_LABELS, EXPORT_MEANINGS, type ExportInput, type ExportProgress } from '@shared/exports'
import ConfirmDialog from '@/components/confirm-dialog'
import { toCloudError } from '@/services/cloud'
import { exportReport, openExport } from '@/services/report'
import './index.scss'

type State =
  | { step: 'idle' }
  | { step: 'working'; rows: number }
  | { step: 'done'; file: ExportProgress }
  | { step: 'error'; message: string }

interface ExportItemProps {
  input: Omit<ExportInput, 'job'>
  label?: string
  meaning?: string
  /** Ask before building (the file holds addresses and phones). */
  warning?: string
}

export function ExportItem({ input, label, meaning, warning }: ExportItemProps) {
  const [state, setState] = useState<State>({ step: 'idle' })
  const [asking, setAsking] = useState(false)
  const title = label ?? EXPORT_LABELS[input.kind!]

  const open = async (file: ExportProgress) => {
    try {
      await openExport(file)
    } catch (e) {
      setState({ step: 'error', message: toCloudError(e).message })
    }
  }
  const run = async () => {
    setState({ step: 'working', rows: 0 })
    try {
      const file = await exportReport(input, (rows) => setState({ step: 'working', rows }))
      setState({ step: 'done', file })
      await open(file)
    } catch (e) {
      setState({ step: 'error', message: toCloudError(e).message })
    }
  }

  const working = state.step === 'working'
  return (
    <View className="report__export" aria-label={title}>
      <Button
        className={`btn btn--secondary report__export-button${working ? ' btn--disabled' : ''}`}
        disabled={working || undefined}
        onClick={() => (warning ? setAsking(true) : void run())}
      >
        {working ? `正在生成${title}…` : `导出${title}`}
      </Button>
      <Text className="report__export-meaning">{meaning ?? EXPORT_MEANINGS[input.kind!]}</Text>
      {working && (
        <View className="report__export-state" role="status">
          <Text className="hint">
            {state.rows ? `已读取 ${state.rows} 行，请稍候…` : '正在读取，请稍候…'}
          </Text>
        </View>
      )}
      {state.step === 'done' && (
        <View className="report__export-state" role="status">
          <Text className="hint">
            已生成 {state.file.name}（{state.file.rows} 行）
          </Text>
          <Button className="btn btn--quiet report__export-open" onClick={() => void open(state.file)}>
            再打开一次
          </Button>
        </View>
      )}
      {state.step === 'error' && (
        <View className="report__export-state" role="alert">
          <Text className="error-text">{state.message}</Text>
          <Button className="btn btn--quiet report__export-open" onClick={() => void run()}>
            重新导出
          </Button>
        </View>
      )}
      {asking && warning && (
        <ConfirmDialog
          title={`导出${title}？`}
          content={warning}
          confirmText="导出"
          onConfirm={() => {
            setAsking(false)
            void run()
          }}
          onClose={() => setAsking(false)}
        />
      )}
    </View>
  )
}

/** The 导出 section of 数据: the period's files, for the whole station. */
export function ExportSection({ from, to, label }: { from: number; to: number; label: string }) {
  const period = { from, to }
  return (
    <View className="card report__group">
      <Text className="report__group-title">导出 Excel</Text>
      <Text className="hint report__note">导出{label}全站的数据，表里的时间都是北京时间。</Text>
      <ExportItem key={`summary-${from}`} input={{ kind: 'summary', ...period }} />
      <ExportItem key={`needs-${from}`} input={{ kind: 'needs', ...period }} />
      <ExportItem
        key={`contact-${from}`}
        input={{ kind: 'needs', ...period, contact: true }}
        label="求助清单（含地址电话）"
        meaning="同上，另加每条求助的地址和联系电话"
        warning="文件里有居民的地址和电话。请只交给需要的人，用完删除。"
      />
      <ExportItem key={`volunteers-${from}`} input={{ kind: 'volunteers', ...period }} />
      <ExportItem key={`settlement-${from}`} input={{ kind: 'settlement', ...period }} />
    </View>
  )
}
