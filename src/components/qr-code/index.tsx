import { useMemo } from 'react'
import { Image, View } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import './index.scss'

/** Scanners need a light margin of four modules around the symbol; it is drawn into the image. */
const QUIET_MODULES = 4
/** The image is drawn at least this wide, so that it stays sharp on a phone's dense screen. */
const TARGET_PIXELS = 640

/**
 * The QR symbol of `text` as a black-on-white GIF data URI with its quiet zone: an <image> shows it alike on
 * WeChat and in a browser, with no canvas. Medium error correction survives a scratched or dim screen.
 */
export function qrImageDataUrl(text: string): string {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const modules = qr.getModuleCount() + QUIET_MODULES * 2
  const cell = Math.max(4, Math.ceil(TARGET_PIXELS / modules))
  return qr.createDataURL(cell, cell * QUIET_MODULES)
}

interface QrCodeProps {
  text: string
  /** What the picture is, for screen readers. */
  label: string
  /** Dims the symbol, e.g. while it is no longer valid. */
  faded?: boolean
}

/** A large square QR code, black on white (the square image fills its square box exactly). */
export default function QrCode({ text, label, faded = false }: QrCodeProps) {
  const src = useMemo(() => qrImageDataUrl(text), [text])
  return (
    <View className={`qr-code${faded ? ' qr-code--faded' : ''}`} role="img" aria-label={label}>
      <Image className="qr-code__image" src={src} mode="scaleToFill" />
    </View>
  )
}
