import { Button, Text } from '@tarojs/components'
import type { LatLng } from '@shared/corners'
import FormField from '@/components/form-field'
import { DISTRICT_CENTRE } from '@/services/corners'
import { CAN_PICK_ON_MAP, pickPlace, type PickedPlace } from '@/services/device'

interface PlaceOnMapProps {
  label: string
  hint: string
  location: LatLng | null
  /** The place picked (with WeChat's address for it), or null when cleared. */
  onChange: (location: LatLng | null, picked?: PickedPlace) => void
}

/**
 * A place picked on WeChat's map (选择位置), optional, so that whoever may see the address can tap it and be
 * guided there. A browser has no map to pick on: it says so.
 */
export default function PlaceOnMap({ label, hint, location, onChange }: PlaceOnMapProps) {
  const pick = async () => {
    // Closed without choosing: keep what was there.
    const picked = await pickPlace(location ?? DISTRICT_CENTRE)
    if (picked) onChange(picked.location, picked)
  }
  return (
    <FormField label={label} hint={hint}>
      <Text className="hint">{location ? '已在地图上选好位置' : '还没有选位置'}</Text>
      {CAN_PICK_ON_MAP ? (
        <Button className="btn btn--secondary" onClick={() => void pick()}>
          {location ? '重新选位置' : '在地图上选位置'}
        </Button>
      ) : (
        !location && <Text className="hint">请在微信里打开小程序选位置</Text>
      )}
      {location && (
        <Button className="btn btn--quiet" onClick={() => onChange(null)}>
          清除位置
        </Button>
      )}
    </FormField>
  )
}
