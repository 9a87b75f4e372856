/**
 * The phone's camera and map, asked only after the person agreed to the privacy policy (services/privacy.ts).
 * Both answer null when the person closed the camera or the map, or did not agree: nothing to report then.
 */
import Taro from '@tarojs/taro'
import type { LatLng } from '@shared/corners'
import { askPrivacy } from './privacy'

/** Whether this build has WeChat's camera scanner and map picker (a browser has neither). */
export const CAN_SCAN = process.env.TARO_ENV === 'weapp'
export const CAN_PICK_ON_MAP = process.env.TARO_ENV === 'weapp'

/** What a QR code says, read with the camera. */
export async function scanQrCode(): Promise<string | null> {
  if (!(await askPrivacy('scanCode'))) return null
  try {
    return (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
  } catch {
    return null
  }
}

export interface PickedPlace {
  location: LatLng
  /** What WeChat's map calls the place, and its address; either may be empty. */
  name: string
  address: string
}

/** A place picked on WeChat's map, which opens at `from`; coordinates to six decimals (about 10 cm). */
export async function pickPlace(from: LatLng): Promise<PickedPlace | null> {
  if (!(await askPrivacy('chooseLocation'))) return null
  try {
    const place = await Taro.chooseLocation({ latitude: from.lat, longitude: from.lng })
    return {
      location: { lat: +place.latitude.toFixed(6), lng: +place.longitude.toFixed(6) },
      name: place.name ?? '',
      address: place.address ?? '',
    }
  } catch {
    return null
  }
}
