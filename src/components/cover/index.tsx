/**
 * A cover (a corner's, a project's or an activity's picture, set by a social worker): a small picture at the
 * side of a card in a list, or a wide one at the top of a page that opens full screen when tapped. Without a
 * cover, or when the picture cannot be loaded, nothing is drawn: the card or page looks as it does without one.
 */
import { useState } from 'react'
import { Image, View } from '@tarojs/components'
import { previewPhotos } from '@/services/storage'
import './index.scss'

interface CoverProps {
  /** The cover's temporary URL (from a function), or null/undefined: none. */
  url: string | null | undefined
  /** What it is the cover of, for screen readers: 「世纪公园」的封面. */
  label: string
}

function useLoadable(url: string | null | undefined) {
  const [failed, setFailed] = useState<string | null>(null)
  return { shown: Boolean(url) && failed !== url, onError: () => setFailed(url ?? null) }
}

/** The small cover of a card in a list; a tap opens the card, as anywhere else on it. */
export function CoverThumb({ url, label }: CoverProps) {
  const { shown, onError } = useLoadable(url)
  if (!shown) return null
  return (
    <View className="cover-thumb" role="img" aria-label={label}>
      <Image className="cover__image" src={url!} mode="aspectFill" onError={onError} />
    </View>
  )
}

/** The wide cover at the top of a page; a tap shows it full screen. */
export function CoverBanner({ url, label }: CoverProps) {
  const { shown, onError } = useLoadable(url)
  if (!shown) return null
  return (
    <View className="cover-banner" role="img" aria-label={label} onClick={() => previewPhotos([url!], url!)}>
      <Image className="cover__image" src={url!} mode="aspectFill" onError={onError} />
    </View>
  )
}
