/**
 * On WeChat the person is always the WeChat user, so there is no picker: this renders nothing. The H5 build
 * resolves index.h5.tsx instead.
 */
export interface IdentityPickerProps {
  /** Show the picker even when an identity is already chosen. */
  open: boolean
  onClose: () => void
}

export default function IdentityPicker(_props: IdentityPickerProps) {
  return null
}

export interface CurrentIdentityProps {
  onSwitch: () => void
}

export function CurrentIdentity(_props: CurrentIdentityProps) {
  return null
}
