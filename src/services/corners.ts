/**
 * Typed calls of the `corners` function (街头公益角 and their projects), and where the person is: the
 * nearest-first list needs a location, which comes from the phone when the person allows it.
 */
import Taro from '@tarojs/taro'
import type { Page } from '@shared/envelope'
import type {
  Corner,
  CornerDetail,
  LatLng,
  ListCornersInput,
  ListProjectsInput,
  Project,
  ProjectDetail,
  UpsertCornerInput,
  UpsertProjectInput,
} from '@shared/corners'
import { callFunction } from './cloud'

const FUNCTION = 'corners'

/** Corners (at most 100), nearest first when `near` is given, else parks then 商圈 by name. */
export function listCorners(input: ListCornersInput = {}): Promise<{ items: Corner[] }> {
  return callFunction<{ items: Corner[] }>(FUNCTION, { action: 'list', ...input })
}

/** One corner and the active projects it shows, most recently updated first. */
export function getCorner(id: string): Promise<CornerDetail> {
  return callFunction<CornerDetail>(FUNCTION, { action: 'get', id })
}

/** One page of projects, of one corner or category; workers also ask for `archived` ones. */
export function listProjects(input: ListProjectsInput = {}): Promise<Page<Project>> {
  return callFunction<Page<Project>>(FUNCTION, { action: 'listProjects', ...input })
}

/** One project and its activities that have not ended (not cancelled), soonest first. */
export function getProject(id: string): Promise<ProjectDetail> {
  return callFunction<ProjectDetail>(FUNCTION, { action: 'getProject', id })
}

/** Workers only: creates a corner (no `id`) or changes one. */
export function upsertCorner(input: UpsertCornerInput): Promise<Corner> {
  return callFunction<Corner>(FUNCTION, { action: 'upsert', ...input })
}

/** Workers only: creates a project (no `id`) or changes one, including where it is shown and archiving it. */
export function upsertProject(input: UpsertProjectInput): Promise<Project> {
  return callFunction<Project>(FUNCTION, { action: 'upsertProject', ...input })
}

/** Workers only: gives a corner its cover (a photo the worker uploaded, services/storage.ts) or takes it away. */
export function setCornerCover(id: string, fileID: string | null): Promise<Corner> {
  return callFunction<Corner>(FUNCTION, { action: 'setCover', id, fileID })
}

/** Workers only: gives a project its cover or takes it away. */
export function setProjectCover(id: string, fileID: string | null): Promise<Project> {
  return callFunction<Project>(FUNCTION, { action: 'setProjectCover', id, fileID })
}

// ------------------------------------------------------------------ where the person is

/** The middle of 裕华区 (near 裕华万达广场), used when the phone does not tell where the person is. */
export const DISTRICT_CENTRE: LatLng = { lat: 38.0265, lng: 114.5465 }

/**
 * Chinese maps (WeChat's map, the corners' coordinates) use GCJ-02; a browser reports WGS-84, which is
 * a few hundred metres off inside China. This is the published GCJ-02 offset (Krasovsky ellipsoid).
 */
const KRASOVSKY_A = 6378245.0
const KRASOVSKY_EE = 0.006693421622965943

function insideChina({ lat, lng }: LatLng): boolean {
  return lng > 73.66 && lng < 135.05 && lat > 3.86 && lat < 53.55
}

function offsetLat(x: number, y: number): number {
  let d = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  d += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  d += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3
  d += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3
  return d
}

function offsetLng(x: number, y: number): number {
  let d = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  d += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  d += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3
  d += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3
  return d
}

/** A GPS (WGS-84) point as Chinese maps place it (GCJ-02); points outside China are left alone. */
export function wgs84ToGcj02(point: LatLng): LatLng {
  if (!insideChina(point)) return point
  const x = point.lng - 105
  const y = point.lat - 35
  const radLat = (point.lat / 180) * Math.PI
  const sin = Math.sin(radLat)
  const magic = 1 - KRASOVSKY_EE * sin * sin
  const sqrtMagic = Math.sqrt(magic)
  const dLat =
    (offsetLat(x, y) * 180) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI)
  const dLng = (offsetLng(x, y) * 180) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { lat: point.lat + dLat, lng: point.lng + dLng }
}

/**
 * Where the person is, in the corners' coordinates (GCJ-02). WeChat answers GCJ-02 itself; a browser only
 * knows GPS coordinates, which are converted. Rejects when the person refuses or the phone cannot tell.
 */
export async function locateMe(): Promise<LatLng> {
  const weapp = process.env.TARO_ENV === 'weapp'
  const { latitude, longitude } = await Taro.getLocation({ type: weapp ? 'gcj02' : 'wgs84' })
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) throw new Error('no location')
  const point = { lat: latitude, lng: longitude }
  return weapp ? point : wgs84ToGcj02(point)
}
