/**
 * The `report` cloud function (API.md `report`, 工作台 → 数据): the station's figures for a period and
 * month by month, read from the per-day counters (types/report.ts) — a month is one query of at most 31
 * documents, whatever the number of needs. Its timer trigger (config.json, every day at 02:00 Shanghai)
 * recounts yesterday from the records, mends and reports any difference, and creates the next days'
 * counter documents ahead, then deletes the files of old exports. `export` builds the station's Excel files (exports.ts).
 */
import { defineFunction } from '../../../server/handler'
import { exportFile, removeOldExports } from './exports'
import { nightly, summary, trend } from './figures'

export const main = defineFunction({
  actions: { summary, trend, export: exportFile },
  timer: {
    trigger: 'recount',
    run: async () => {
      const now = Date.now()
      return { ...(await nightly(now)), exports: await removeOldExports(now) }
    },
  },
})
