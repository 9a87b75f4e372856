import { Image, View } from '@tarojs/components'
import { previewPhotos } from '@/services/storage'
import './index.scss'

interface PhotoThumbProps {
  /** The photo's temporary URL (from a function). */
  url: string
  /** What the picture shows, for screen readers. */
  label: string
  /** The photos to page through when it is opened (default: this one). */
  group?: string[]
  /** `wide`: a cover's 16:9. */
  size?: 'small' | 'large' | 'wide'
}

/** A thumbnail of a photo (square, or 16:9 for a cover); a tap shows it full screen (Taro.previewImage). */
export default function PhotoThumb({ url, label, group, size = 'small' }: PhotoThumbProps) {
  return (
    <View
      className={`photo-thumb photo-thumb--${size}`}
      role="img"
      aria-label={label}
      onClick={(e) => {
        e.stopPropagation()
        previewPhotos(group ?? [url], url)
      }}
    >
      <Image className="photo-thumb__image" src={url} mode="aspectFill" />
    </View>
  )
}
