/**
 * The `certificate` cloud function: a person's confirmed service records by year and the 志愿服务证明 of the
 * hours in a period, which anyone can check by serial (API.md `certificate`).
 */
import { defineFunction } from '../../../server/handler'
import { issue, mine, revoke, verify } from './certificates'
import { records } from './records'

export const main = defineFunction({ actions: { records, issue, verify, revoke, mine } })
