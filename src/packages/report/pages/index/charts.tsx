/**
 * 数据's charts, drawn with @antv/f2 (5.14.0) through its function API (`jsx` from '@antv/f2', so React's JSX
 * is left alone) on a 2d canvas: on weapp a `<Canvas type="2d">` node found with createSelectorQuery, on H5 the
 * <canvas> Taro renders inside it. Each chart is drawn at the screen's pixel ratio, without animation, and is
 * followed by the same figures written out as a list, so that nothing depends on reading a length or a line.
 *
 * f2 is why 数据 is a subpackage of its own (packages/report), which only a worker who opens 数据 downloads.
 * Measured in the weapp build (`npx taro build --type weapp`): packages/report is 486.3 KiB, of which this page and
 * the components it shares are about 18.5 KiB (what packages/worker lost when 数据 left it: 216.4 → 197.9 KiB), so
 * f2 with Canvas, Chart, Interval, Line, Point and Axis is about 470 KiB; test/budget/size.test.ts gives
 * packages/report a budget of its own (650 KiB) and keeps every other subpackage within 500 KiB.
 */
import { useEffect, useState } from 'react'
import { Canvas as TaroCanvas, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Axis, Canvas, Chart, Interval, Line, Point, jsx } from '@antv/f2'

type CanvasProps = ConstructorParameters<typeof Canvas>[0]
/** f2's `jsx`, typed loosely: its own types expect f2's JSX, whose generic props a plain call cannot satisfy. */
const f2 = jsx as unknown as (type: unknown, props: Record<string, unknown>) => { props: CanvasProps }

export interface Bar {
  key: string
  label: string
  value: number
  /** What the number is, after it (条, 分, 人次…). */
  unit?: string
}

/** line: a trend over time; bar: one horizontal bar per name, their names written in full beside them. */
export type ChartKind = 'line' | 'bar'

/** The rows f2 draws: one per bar, in order. */
export interface ChartDatum {
  label: string
  value: number
}

export const chartData = (bars: Bar[]): ChartDatum[] => bars.map((b) => ({ label: b.label, value: b.value }))

const BRAND = '#d9482b'
/**
 * f2's theme is in 750-wide design pixels and by default scales them by the page's rem, which Taro's H5 sets
 * and weapp has not; this app is designed 750 wide (config/index.ts), half a design pixel to a CSS pixel, and
 * the charts' axis labels are a fifth larger than f2's to be read (12 CSS px).
 */
const px2hd = (px: number) => Number((px * 0.6).toFixed(1))
const HEIGHT = 220
const BAR_ROW = 36

/** The CSS height of a chart: a horizontal bar chart grows with its rows. */
const heightOf = (kind: ChartKind, rows: number) =>
  kind === 'bar' ? Math.max(120, rows * BAR_ROW + 40) : HEIGHT

/** The f2 tree for one chart (Canvas props without the drawing surface). */
function chartTree(kind: ChartKind, data: ChartDatum[]) {
  // Counts have whole-number ticks: four steps of a round size from 0 past the largest figure.
  const max = Math.max(1, ...data.map((d) => d.value))
  const raw = Math.max(1, Math.ceil(max / 4))
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((m) => m >= raw)!
  const ticks = Array.from({ length: Math.ceil(max / step) + 1 }, (_x, i) => i * step)
  const scale = { value: { min: 0, max: ticks[ticks.length - 1], ticks }, label: { type: 'cat' } }
  const marks =
    kind === 'line'
      ? [
          f2(Line, { x: 'label', y: 'value', color: BRAND }),
          f2(Point, { x: 'label', y: 'value', color: BRAND }),
        ]
      : [f2(Interval, { x: 'label', y: 'value', color: BRAND })]
  return f2(Chart, {
    // f2 lays a transposed chart's first row at the bottom; the list under it starts at the top.
    data: kind === 'bar' ? [...data].reverse() : data,
    scale,
    coord: kind === 'bar' ? { transposed: true } : undefined,
    children: [
      // Twelve month names do not fit under a phone's width: the trend's axis says 4, 5 … (the list says 4月).
      f2(Axis, {
        field: 'label',
        formatter: kind === 'line' ? (v: string) => v.replace('月', '') : undefined,
      }),
      f2(Axis, { field: 'value' }),
      ...marks,
    ],
  })
}

interface Surface {
  context: CanvasRenderingContext2D
  width: number
  height: number
  pixelRatio: number
  requestAnimationFrame?: (cb: () => void) => number
  cancelAnimationFrame?: (id: number) => void
}

/** The weapp node's 2d context, sized for the screen's pixel ratio; null when the page has none to give. */
function weappSurface(id: string): Promise<Surface | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: Taro.Canvas; width?: number; height?: number } | null>) => {
        const found = res?.[0]
        const node = found?.node as unknown as
          | (HTMLCanvasElement & {
              requestAnimationFrame: (cb: () => void) => number
              cancelAnimationFrame: (id: number) => void
            })
          | undefined
        const context = node?.getContext?.('2d') as CanvasRenderingContext2D | null | undefined
        if (!node || !context || !found?.width || !found.height) return resolve(null)
        const pixelRatio = Taro.getSystemInfoSync().pixelRatio || 1
        node.width = found.width * pixelRatio
        node.height = found.height * pixelRatio
        resolve({
          context,
          width: found.width,
          height: found.height,
          pixelRatio,
          requestAnimationFrame: node.requestAnimationFrame.bind(node),
          cancelAnimationFrame: node.cancelAnimationFrame.bind(node),
        })
      })
  })
}

/** The <canvas> Taro's H5 Canvas renders inside its element, once it is there and laid out. */
async function h5Surface(id: string): Promise<Surface | null> {
  for (let tries = 0; tries < 60; tries++) {
    const canvas = document.getElementById(id)?.querySelector('canvas')
    if (canvas && canvas.clientWidth > 0 && canvas.clientHeight > 0) {
      const context = canvas.getContext('2d')
      if (!context) return null
      return {
        context,
        width: canvas.clientWidth,
        height: canvas.clientHeight,
        pixelRatio: window.devicePixelRatio || 1,
      }
    }
    await new Promise((r) => requestAnimationFrame(r))
  }
  return null
}

/** Draws `data` on the canvas `id`; resolves to what to call to take it down (null when nothing was drawn). */
async function draw(id: string, kind: ChartKind, data: ChartDatum[]): Promise<(() => void) | null> {
  const surface = process.env.TARO_ENV === 'h5' ? await h5Surface(id) : await weappSurface(id)
  if (!surface) return null
  const { props } = f2(Canvas, { ...surface, px2hd, animate: false, children: chartTree(kind, data) })
  const canvas = new Canvas(props)
  await canvas.render()
  return () => canvas.destroy()
}

/** One chart with its title, the figures written under it, and a word instead when every figure is zero. */
export function ChartCard({
  id,
  title,
  kind,
  bars,
  empty,
}: {
  /** The canvas's id, unique on the page. */
  id: string
  title: string
  kind: ChartKind
  bars: Bar[]
  empty: string
}) {
  const blank = bars.every((b) => b.value === 0)
  const [failed, setFailed] = useState(false)
  const data = JSON.stringify(chartData(bars))
  useEffect(() => {
    if (blank) return
    let undo: (() => void) | null = null
    let gone = false
    // The canvas is in the page's tree only after this render has been committed to it.
    Taro.nextTick(() => {
      if (gone) return
      draw(id, kind, JSON.parse(data) as ChartDatum[])
        .then((destroy) => {
          if (gone) destroy?.()
          else undo = destroy
        })
        .catch(() => setFailed(true))
    })
    return () => {
      gone = true
      undo?.()
    }
  }, [id, kind, data, blank])
  return (
    <View className="card report__chart" role="figure" aria-label={title}>
      <Text className="report__chart-title">{title}</Text>
      {blank && <Text className="hint">{empty}</Text>}
      {!blank && !failed && (
        <TaroCanvas
          type="2d"
          id={id}
          className="report__canvas"
          style={{ height: `${heightOf(kind, bars.length)}px` }}
          aria-hidden
        />
      )}
      {!blank && failed && <Text className="hint">图画不出来，数字见下面</Text>}
      {!blank && (
        <View className="report__figures-list">
          {bars.map((b) => (
            <View key={b.key} className="report__bar-row">
              <Text className="report__bar-label">{b.label}</Text>
              <Text className="report__bar-value">
                {b.value}
                {b.unit ?? ''}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
