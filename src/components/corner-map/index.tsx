/**
 * The corners on WeChat's own map: a pin per corner (green for parks, red for 商圈), the names of the
 * nearest ones, and the person's own position. Tapping a pin or its name opens the corner.
 */
import { useMemo } from 'react'
import { Map } from '@tarojs/components'
import type { MapProps } from '@tarojs/components'
import pinMall from './pin-mall.png'
import pinPark from './pin-park.png'
import { NAMED_ON_MAP, type CornerMapProps } from './types'
import './index.scss'

export type { CornerMapProps } from './types'

export default function CornerMap({ corners, origin, located, onOpen }: CornerMapProps) {
  const markers = useMemo<MapProps.marker[]>(
    () =>
      corners.map((corner, index) => ({
        id: index + 1,
        latitude: corner.location.lat,
        longitude: corner.location.lng,
        title: corner.name,
        iconPath: corner.kind === 'park' ? pinPark : pinMall,
        width: 30,
        height: 40,
        callout: {
          content: `${index + 1} ${corner.name}`,
          color: '#1f1f1f',
          fontSize: 14,
          borderRadius: 6,
          bgColor: '#ffffff',
          padding: 6,
          display: index < NAMED_ON_MAP ? 'ALWAYS' : 'BYCLICK',
          textAlign: 'center',
          anchorX: 0,
          anchorY: 0,
          borderWidth: 0,
          borderColor: '#ffffff',
        },
      })),
    [corners],
  )
  // Fit the person and the nearest corners into view.
  const shown = useMemo(
    () => [
      { latitude: origin.lat, longitude: origin.lng },
      ...corners.slice(0, NAMED_ON_MAP).map((c) => ({ latitude: c.location.lat, longitude: c.location.lng })),
    ],
    [corners, origin],
  )

  const open = (markerId: number | string) => {
    const corner = corners[Number(markerId) - 1]
    if (corner) onOpen(corner)
  }

  return (
    <Map
      className="corner-map"
      latitude={origin.lat}
      longitude={origin.lng}
      scale={14}
      markers={markers}
      includePoints={shown}
      showLocation={located}
      onMarkerTap={(e) => open(e.detail.markerId)}
      onCalloutTap={(e) => open(e.detail.markerId)}
      onError={() => undefined}
    />
  )
}
