/**
 * The demo rewards' pictures, drawn here: a tile in the shop kind's colour with a simple white shape, one shape
 * per reward, as 160 × 160 PNGs (emulator/png.ts); and the covers of the demo corners and projects, 320 × 180.
 * Nothing is copied from elsewhere.
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

/** Covers are 16:9, as the pages show them at the top of a corner's, project's or activity's page. */
export const COVER_WIDTH = 320
export const COVER_HEIGHT = 180

const SKY: Rgb = [203, 228, 246]
const SUN: Rgb = [255, 196, 64]
const HILL: Rgb = [88, 160, 92]
const FAR_HILL: Rgb = [146, 196, 132]
const PATH: Rgb = [226, 206, 160]
const TOWER: Rgb[] = [
  [96, 112, 140],
  [126, 140, 168],
  [70, 86, 112],
]
const WINDOW: Rgb = [250, 232, 150]

const covers = new Map<string, Buffer>()

function drawCover(key: string, paint: (x: number, y: number) => Rgb): Buffer {
  let png = covers.get(key)
  if (!png) {
    png = encodePng(COVER_WIDTH, COVER_HEIGHT, paint)
    covers.set(key, png)
  }
  return png
}

/**
 * The cover of the `index`-th demo corner: a park as a sun over two rows of hills with a path, a 商圈 as a
 * skyline with lit windows; the sun, the hills and the towers move with `index`, so no two are alike.
 */
export function cornerCover(index: number, kind: 'park' | 'mall'): Buffer {
  return drawCover(`corner:${index}:${kind}`, (x, y) => {
    const u = x / COVER_WIDTH
    const v = y / COVER_HEIGHT
    if (kind === 'park') {
      const sunX = 0.15 + ((index * 0.13) % 0.7)
      if ((u - sunX) ** 2 * 3.16 + (v - 0.25) ** 2 < 0.012) return SUN
      if (v > 0.55 - 0.08 * Math.sin(u * 7 + index)) {
        if (v > 0.7 - 0.06 * Math.sin(u * 5 + index * 2)) {
          return Math.abs(u - 0.5 - (v - 1) * 0.3) < 0.03 + (v - 0.7) * 0.1 ? PATH : HILL
        }
        return FAR_HILL
      }
      return SKY
    }
    // A skyline: towers of varying height, each a few windows wide.
    const column = Math.floor(u * 8)
    const height = 0.25 + (((column + 1) * (index + 3) * 37) % 50) / 100
    if (v > 1 - height) {
      const tower = TOWER[(column + index) % TOWER.length]
      const wx = (u * 8 * 4) % 1
      const wy = (v * 24) % 1
      const lit = (column * 7 + Math.floor(v * 24) * 3 + index) % 5 < 3
      return wx > 0.3 && wx < 0.75 && wy > 0.3 && wy < 0.75 && lit ? WINDOW : tower
    }
    return (u - 0.85 + index * 0.02) ** 2 * 3.16 + (v - 0.2) ** 2 < 0.008 ? SUN : SKY
  })
}

const CATEGORY_TILE: Record<string, Rgb> = {
  elderly: [196, 86, 64],
  family: [214, 104, 140],
  children: [238, 160, 40],
  disability: [64, 132, 196],
  health: [46, 150, 110],
  culture: [140, 96, 176],
  environment: [76, 150, 60],
  employment: [120, 110, 90],
  community: [200, 120, 50],
}

/**
 * The cover of the `index`-th demo project: its category's colour with a band of lighter stripes and one of
 * the rewards' white shapes, placed along the cover by `index`.
 */
export function projectCover(index: number, category: string): Buffer {
  return drawCover(`project:${index}:${category}`, (x, y) => {
    const tile = CATEGORY_TILE[category] ?? TILE.other
    const u = x / COVER_WIDTH
    const v = y / COVER_HEIGHT
    const centre = 0.2 + ((index * 0.17) % 0.6)
    // The shape in a square of the cover's height around `centre`.
    const sx = ((u - centre) * COVER_WIDTH) / (COVER_HEIGHT / 2)
    const sy = 1 - v * 2
    if (Math.abs(sx) < 1 && SHAPES[index % SHAPES.length](sx, sy)) return [255, 255, 255]
    const stripe = v > 0.78 && Math.floor(u * (6 + (index % 5)) + v * 3) % 2 === 0
    return stripe ? (tile.map((c) => Math.round(c + (255 - c) / 3)) as unknown as Rgb) : tile
  })
}
