/**
 * Bar charts drawn with Views: no chart library (the ones that draw on both weapp and H5 weigh more than the
 * worker subpackage can carry), every bar a View whose width is its share of the largest, with its number
 * written beside it so that nothing depends on reading a length.
 *
 * Measured: @antv/f2 5.14.0 with only what these charts need (Canvas, Chart, Interval, Line, Axis, Legend,
 * drawn on a `<Canvas type="2d">` node) takes the worker subpackage of the weapp build from 216.4 KiB to
 * 666.9 KiB, over its 500 KiB budget (test/budget/size.test.ts); f2's renderer (@antv/g-lite) alone is about
 * 200 KiB minified.
 */
import { Text, View } from '@tarojs/components'

export interface Bar {
  key: string
  label: string
  value: number
  /** What the number is, after it (条, 分, 人次…). */
  unit?: string
}

export function BarChart({ title, bars, empty }: { title: string; bars: Bar[]; empty: string }) {
  const max = Math.max(0, ...bars.map((b) => b.value))
  return (
    <View className="card report__chart" role="figure" aria-label={title}>
      <Text className="report__chart-title">{title}</Text>
      {max === 0 && <Text className="hint">{empty}</Text>}
      {max > 0 &&
        bars.map((b) => (
          <View key={b.key} className="report__bar-row">
            <Text className="report__bar-label">{b.label}</Text>
            <View className="report__bar-track">
              <View
                className="report__bar"
                style={{ width: `${Math.max(b.value > 0 ? 2 : 0, Math.round((b.value / max) * 100))}%` }}
              />
            </View>
            <Text className="report__bar-value">
              {b.value}
              {b.unit ?? ''}
            </Text>
          </View>
        ))}
    </View>
  )
}
