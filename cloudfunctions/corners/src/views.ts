/** What callers see of corners and projects. */
import type { Corner, Project } from '../../../types/corners'
import type { CornerRecord, ProjectRecord } from '../../../types/records'

export function toCorner(r: Omit<CornerRecord, 'projectIds'>, distanceKm?: number): Corner {
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
  }
  if (distanceKm !== undefined) corner.distanceKm = distanceKm
  return corner
}

export function toProject(r: ProjectRecord): Project {
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
  }
}
