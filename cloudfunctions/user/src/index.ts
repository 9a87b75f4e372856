/**
 * The `user` cloud function: login, profile, volunteer applications and roles (API.md `user`).
 */
import { defineFunction } from '../../../server/handler'
import { findPeople } from './people'
import { verifyPhone } from './phone'
import { login, updateProfile } from './profile'
import { grantRole, revokeRole } from './roles'
import { applyVolunteer, listVolunteers, reviewVolunteer } from './volunteer'

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
  },
})
