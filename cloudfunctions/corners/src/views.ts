/** What callers see of corners and projects. */
import type { Corner, Project } from '../../../types/corners'
import type { CornerRecord, ProjectRecord } from '../../../types/records'
import { coverUrlOf } from '../../../server/covers'

/** `covers` holds the covers' temporary URLs (server/covers.ts coverUrls). */
export function toCorner(
  r: Omit<CornerRecord, 'projectIds'>,
  covers: Map<string, string>,
  distanceKm?: number,
): Corner {
  const corner: Corner = {
    id: r._id,
    name: r.name,
    kind: r.kind,
    address: r.address,
    location: { lat: r.location.lat, lng: r.location.lng },
    schedule: {
      weekdays: r.schedule.weekdays,
      start: r.schedule.start,
      end: r.schedule.end,
      note: r.schedule.note ?? '',
    },
    projectCount: r.projectCount,
    coverUrl: coverUrlOf(r, covers),
  }
  if (distanceKm !== undefined) corner.distanceKm = distanceKm
  return corner
}

export function toProject(r: ProjectRecord, covers: Map<string, string>): Project {
  return {
    id: r._id,
    title: r.title,
    org: r.org,
    category: r.category,
    summary: r.summary,
    description: r.description,
    cornerIds: r.cornerIds,
    status: r.status,
    updatedAt: r.updatedAt,
    coverUrl: coverUrlOf(r, covers),
  }
}
