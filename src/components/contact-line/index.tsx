/**
 * Phone numbers and addresses as taps: a number is called, an address with its place on the map opens
 * WeChat's map (导航), one without a place (or in a browser, which has no such map) is copied to paste into a
 * map app.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { LatLng } from '@shared/corners'
import './index.scss'

/** Calls a number from the phone (the phone asks the person first). */
export function callPhone(phone: string): void {
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
}

/** WeChat opens its own map with the place and a button for directions; a browser has no such map. */
const CAN_NAVIGATE = process.env.TARO_ENV === 'weapp'

export interface Place {
  /** What the map shows as the place's name (老人的家, the need's title). */
  name: string
  address: string
  location?: LatLng | null
}

/** The way there: WeChat's map at the place, or the address copied. */
export function goToPlace({ name, address, location }: Place): void {
  if (CAN_NAVIGATE && location) {
    Taro.openLocation({
      latitude: location.lat,
      longitude: location.lng,
      name,
      address,
      scale: 18,
    }).catch(() => undefined)
    return
  }
  Taro.setClipboardData({ data: address })
    .then(() => Taro.showToast({ title: '地址已复制，可粘贴到地图里找路', icon: 'none' }))
    .catch(() => undefined)
}

/** What a tap on the address does, said beside it. */
export const addressLabel = (label: string, place: Pick<Place, 'location'>) =>
  CAN_NAVIGATE && place.location ? `${label}（点一下导航）` : `${label}（点一下复制）`

/** A tappable line: the address (navigated to or copied) or a phone number (called). */
export function ContactLine({ label, value, onTap }: { label: string; value: string; onTap: () => void }) {
  return (
    <View className="contact-line" role="button" onClick={onTap}>
      <Text className="contact-line__label">{label}</Text>
      <Text className="contact-line__value">{value}</Text>
    </View>
  )
}
