/**
 * The `points` cloud function: a person's summary and ledger, the public board, the rule catalogue and
 * workers' adjustments (API.md `points`). Every change goes through server/ledger.ts.
 */
import { defineFunction } from '../../../server/handler'
import { adjust } from './adjust'
import { board, rules } from './board'
import { ledger, summary } from './summary'

export const main = defineFunction({ actions: { summary, ledger, board, rules, adjust } })
