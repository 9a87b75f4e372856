/**
 * The `activities` cloud function (API.md `activities`): shifts of a project or standalone activities;
 * sign-up within capacity, the rotating on-site code, check-in and check-out, attendance and the minutes
 * that become points; the poster's code and each activity's cover.
 */
import { defineFunction } from '../../../server/handler'
import { attendance, confirm } from './attendance'
import { get, list, mine } from './browse'
import { checkin, checkinCode, checkout } from './checkin'
import { find } from './find'
import { posterCode } from './poster'
import { cancel, signup } from './signup'
import { setCover, upsert } from './upsert'

export const main = defineFunction({
  actions: {
    list,
    find,
    get,
    mine,
    upsert,
    signup,
    cancel,
    checkinCode,
    checkin,
    checkout,
    attendance,
    confirm,
    posterCode,
    setCover,
  },
})
