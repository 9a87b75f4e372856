/**
 * The `corners` cloud function (API.md `corners`): 街头公益角 — open-air charity markets in parks and
 * shopping districts, their weekly schedules and the projects they show, and the covers workers give them.
 */
import { defineFunction } from '../../../server/handler'
import { get, list, setCover, upsert } from './corners'
import { getProject, listProjects, setProjectCover, upsertProject } from './projects'

export const main = defineFunction({
  actions: { list, get, upsert, setCover, listProjects, getProject, upsertProject, setProjectCover },
})
