/**
 * Draws the 活动 tab's two icons (src/assets/tab/activities.png and activities-active.png): a calendar page
 * with a tick inside the ring every tab icon has, 81×81, in the tab bar's grey and the brand colour, drawn
 * from distance fields and 4×4 supersampled for smooth edges. Run: node --import tsx scripts/draw-tab-icon.ts
 */
import fs from 'node:fs'
import path from 'node:path'
import { PNG } from 'pngjs'

const SIZE = 81
const STROKE = 5.5
const SAMPLES = 4

type Shape = (x: number, y: number) => number // distance to the stroke's centre line

const ring =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.abs(Math.hypot(x - cx, y - cy) - r)

function segment(ax: number, ay: number, bx: number, by: number): Shape {
  return (x, y) => {
    const dx = bx - ax
    const dy = by - ay
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy))
  }
}

/** The outline of a rectangle with rounded corners of radius r. */
function roundedBox(left: number, top: number, right: number, bottom: number, r: number): Shape {
  return (x, y) => {
    const qx = Math.abs(x - (left + right) / 2) - ((right - left) / 2 - r)
    const qy = Math.abs(y - (top + bottom) / 2) - ((bottom - top) / 2 - r)
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
    return Math.abs(outside)
  }
}

const SHAPES: Shape[] = [
  ring(40.5, 40.5, 31),
  roundedBox(24, 27, 57, 56, 4),
  segment(24, 36, 57, 36),
  segment(32, 22, 32, 30),
  segment(49, 22, 49, 30),
  segment(32, 46, 38.5, 51),
  segment(38.5, 51, 49.5, 41.5),
]

function draw(rgb: [number, number, number], file: string): void {
  const png = new PNG({ width: SIZE, height: SIZE })
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let covered = 0
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const px = x + (sx + 0.5) / SAMPLES
          const py = y + (sy + 0.5) / SAMPLES
          if (SHAPES.some((shape) => shape(px, py) <= STROKE / 2)) covered++
        }
      }
      const i = (y * SIZE + x) * 4
      png.data[i] = rgb[0]
      png.data[i + 1] = rgb[1]
      png.data[i + 2] = rgb[2]
      png.data[i + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES))
    }
  }
  fs.writeFileSync(file, PNG.sync.write(png))
}

const dir = path.resolve(import.meta.dirname, '../src/assets/tab')
draw([85, 85, 85], path.join(dir, 'activities.png'))
draw([217, 72, 43], path.join(dir, 'activities-active.png'))
