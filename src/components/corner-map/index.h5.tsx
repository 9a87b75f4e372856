/**
 * In a browser there is no WeChat map (Taro's web map needs an outside map service), so the corners are
 * drawn as a plan: each pin where its coordinates put it relative to the others and to the person,
 * numbered as in the list below it (names would cover each other where corners are close). Tapping a pin
 * opens the corner.
 */
import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import type { LatLng } from '@shared/corners'
import type { CornerMapProps } from './types'
import './index.scss'
import './plan.scss'

export type { CornerMapProps } from './types'

/** Room left around the outermost pins, as a share of the plan's width and height. */
const MARGIN = 0.1
/** The plan's height over its width (its box is 686 × 720 design units). */
const ASPECT = 720 / 686

interface Placed {
  left: number
  top: number
}

/** Places points in a box by an equirectangular projection that keeps east-west and north-south alike. */
function planOf(points: LatLng[]): (p: LatLng) => Placed {
  const lats = points.map((p) => p.lat)
  const lngs = points.map((p) => p.lng)
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2
  const squeeze = Math.cos((midLat * Math.PI) / 180)
  const xs = lngs.map((lng) => lng * squeeze)
  const minX = Math.min(...xs)
  const maxY = Math.max(...lats)
  const spanX = Math.max(Math.max(...xs) - minX, 1e-6)
  const spanY = Math.max(maxY - Math.min(...lats), 1e-6)
  // One scale for both directions, so that the plan is not stretched; centre what is left over.
  const usable = 1 - 2 * MARGIN
  const scale = Math.min(usable / spanX, (usable * ASPECT) / spanY)
  const offsetX = (1 - spanX * scale) / 2
  const offsetY = (ASPECT - spanY * scale) / 2
  return (p) => ({
    left: (offsetX + (p.lng * squeeze - minX) * scale) * 100,
    top: ((offsetY + (maxY - p.lat) * scale) / ASPECT) * 100,
  })
}

export default function CornerMap({ corners, origin, located, onOpen }: CornerMapProps) {
  const place = useMemo(() => planOf([origin, ...corners.map((c) => c.location)]), [corners, origin])
  const me = place(origin)
  return (
    <View className="corner-map corner-plan" role="group" aria-label="公益角分布示意图">
      {/* The farthest first, so that the nearest pins are drawn on top. */}
      {corners
        .map((corner, index) => ({ corner, rank: index + 1 }))
        .reverse()
        .map(({ corner, rank }) => {
          const at = place(corner.location)
          return (
            <View
              key={corner.id}
              className="corner-plan__pin"
              style={{ left: `${at.left}%`, top: `${at.top}%` }}
              onClick={() => onOpen(corner)}
              role="button"
              aria-label={`${rank} ${corner.name}`}
            >
              <Text className={`corner-plan__dot corner-plan__dot--${corner.kind}`}>{rank}</Text>
            </View>
          )
        })}
      {/* Under the pins, so that a corner right where the person stands can still be tapped. */}
      <View className="corner-plan__me" style={{ left: `${me.left}%`, top: `${me.top}%` }}>
        <View className="corner-plan__me-dot" />
      </View>
      {/* What the blue dot is, said in a corner of the plan where no pin can cover it. */}
      <View className="corner-plan__legend">
        <View className="corner-plan__legend-dot" />
        <Text>{located ? '蓝点是您的位置' : '蓝点是默认位置'}</Text>
      </View>
      <Text className="corner-plan__note">示意图，只表示大致方位</Text>
    </View>
  )
}
