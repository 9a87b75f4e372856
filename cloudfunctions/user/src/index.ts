/**
 * The `user` cloud function: login, profile, volunteer applications and roles, the caller's 消息 and a
 * worker's 工作台 (API.md `user`).
 */
import { defineFunction } from '../../../server/handler'
import { listNotices, readNotices } from './notices'
import { findPeople } from './people'
import { verifyPhone } from './phone'
import { login, updateProfile } from './profile'
import { grantRole, revokeRole } from './roles'
import { applyVolunteer, listVolunteers, reviewVolunteer } from './volunteer'
import { workbench } from './workbench'

export const main = defineFunction({
  actions: {
    login,
    updateProfile,
    verifyPhone,
    applyVolunteer,
    reviewVolunteer,
    listVolunteers,
    grantRole,
    revokeRole,
    findPeople,
    notices: listNotices,
    readNotices,
    workbench,
  },
})
