import type { Corner, LatLng } from '@shared/corners'

export interface CornerMapProps {
  /** Nearest first; the numbers on the map are their places in this list. */
  corners: Corner[]
  /** Where the distances were measured from. */
  origin: LatLng
  /** True when `origin` is where the person is (not the district's default centre). */
  located: boolean
  onOpen: (corner: Corner) => void
}

/** How many of the nearest corners show their name on the map without a tap. */
export const NAMED_ON_MAP = 5
