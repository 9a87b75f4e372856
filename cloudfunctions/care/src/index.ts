/**
 * The `care` cloud function (API.md `care`, 爱心敲门): the roster of people the station looks after, the
 * service teams that visit them, home visits with their door check and urgent alerts, and the points a
 * confirmed visit credits. Its timer trigger (config.json, every day at 08:00) reminds each captain with
 * overdue recipients once a day.
 */
import { defineFunction } from '../../../server/handler'
import { doorCode } from './door'
import { due, overview } from './due'
import { remindOverdue } from './notify'
import { archiveRecipient, recipient, recipients, upsertRecipient } from './roster'
import { addMember, removeMember, teams, upsertTeam } from './teams'
import { confirmVisit, logVisit } from './visits'

export const main = defineFunction({
  actions: {
    upsertTeam,
    teams,
    addMember,
    removeMember,
    upsertRecipient,
    archiveRecipient,
    recipients,
    recipient,
    logVisit,
    confirmVisit,
    due,
    overview,
    doorCode,
  },
  timer: { trigger: 'overdue-reminder', run: () => remindOverdue() },
})
