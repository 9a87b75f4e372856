/**
 * The demo rewards' pictures, drawn here: a tile in the shop kind's colour with a simple white shape, one shape
 * per reward, as 160 × 160 PNGs (emulator/png.ts). Nothing is copied from elsewhere.
 */
import type { MerchantKind } from '../../../types/mall'
import { encodePng, type Rgb } from '../../png'

const SIZE = 160

const TILE: Record<MerchantKind, Rgb> = {
  supermarket: [217, 72, 43],
  clinic: [46, 139, 87],
  pharmacy: [41, 98, 165],
  repair: [178, 106, 0],
  other: [110, 110, 110],
}

type Shape = (x: number, y: number) => boolean

// Coordinates from the tile's centre, -1…1.
const SHAPES: Shape[] = [
  (x, y) => x * x + y * y < 0.36, // disc
  (x, y) => Math.abs(x) < 0.5 && Math.abs(y) < 0.5, // square
  (x, y) => y > -0.5 && y < 0.5 && Math.abs(x) < (y + 0.5) * 0.6, // triangle
  (x, y) => Math.abs(x) + Math.abs(y) < 0.65, // diamond
  (x, y) => x * x + y * y < 0.42 && x * x + y * y > 0.16, // ring
  (x, y) => (Math.abs(x) < 0.16 && Math.abs(y) < 0.6) || (Math.abs(y) < 0.16 && Math.abs(x) < 0.6), // cross
  (x, y) => Math.abs(x) < 0.6 && Math.abs(y) < 0.6 && Math.floor((y + 0.6) * 5) % 2 === 0, // stripes
  (x, y) =>
    Math.abs(x) < 0.6 &&
    Math.abs(y) < 0.6 &&
    (Math.floor((x + 0.6) * 4) + Math.floor((y + 0.6) * 4)) % 2 === 0, // checks
  (x, y) => x * x + (y - 0.15) * (y - 0.15) < 0.2 || (y > -0.65 && y < -0.1 && Math.abs(x) < 0.12), // drop
  (x, y) => Math.abs(y) < 0.3 && Math.abs(x) < 0.65 && !(Math.abs(x) < 0.45 && Math.abs(y) < 0.1), // frame
]

const pictures = new Map<string, Buffer>()

/** The picture of the `index`-th demo reward at a shop of `kind` (drawn once per process). */
export function rewardPicture(index: number, kind: MerchantKind): Buffer {
  const key = `${index}:${kind}`
  let png = pictures.get(key)
  if (!png) {
    const shape = SHAPES[index % SHAPES.length]
    const tile = TILE[kind]
    png = encodePng(SIZE, SIZE, (px, py) => {
      const x = (px + 0.5) / (SIZE / 2) - 1
      const y = 1 - (py + 0.5) / (SIZE / 2)
      return shape(x, y) ? [255, 255, 255] : tile
    })
    pictures.set(key, png)
  }
  return png
}
