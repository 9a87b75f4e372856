/**
 * Turns a MongoDB-style query into SQL that narrows the candidate documents through the collection's
 * declared indexes. The SQL is only a filter that keeps a superset of the matches: every candidate is still
 * tested against the full query in JavaScript (mingo), so correctness never depends on the planner.
 *
 * Pushed down: on `_id` and on indexed fields (which hold scalars — an index on an array field would make
 * SQL drop documents whose array contains the value), equality to a string, number or boolean, `$eq`,
 * `$in` of such values, and the ranges `$gt/$gte/$lt/$lte` on numbers or strings. The sort is pushed down
 * as ORDER BY so that a paged query can stop reading as soon as it has its page.
 */
import { fieldExpr, type IndexSpec } from './store'

export interface SqlPlan {
  where: string
  params: unknown[]
  order: string
  /** True when the sort could be expressed in SQL (always, unless a sort key is not a plain path). */
  orderInSql: boolean
}

type Scalar = string | number | boolean

const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean'

const sqlValue = (v: Scalar): string | number => (typeof v === 'boolean' ? (v ? 1 : 0) : v)

const PLAIN_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/

function conjuncts(query: Record<string, unknown>): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = []
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) {
        if (part && typeof part === 'object' && !Array.isArray(part))
          out.push(...conjuncts(part as Record<string, unknown>))
      }
    } else if (!key.startsWith('$')) {
      out.push([key, value])
    }
  }
  return out
}

function conditionSql(column: string, cond: unknown, params: unknown[]): string[] {
  if (isScalar(cond)) {
    params.push(sqlValue(cond))
    return [`${column} = ?`]
  }
  if (
    !cond ||
    typeof cond !== 'object' ||
    Array.isArray(cond) ||
    cond instanceof RegExp ||
    cond instanceof Date
  )
    return []
  const parts: string[] = []
  for (const [op, arg] of Object.entries(cond as Record<string, unknown>)) {
    if (op === '$eq' && isScalar(arg)) {
      params.push(sqlValue(arg))
      parts.push(`${column} = ?`)
    } else if (op === '$in' && Array.isArray(arg) && arg.length > 0 && arg.every(isScalar)) {
      parts.push(`${column} IN (${arg.map(() => '?').join(', ')})`)
      params.push(...arg.map(sqlValue))
    } else if (
      ['$gt', '$gte', '$lt', '$lte'].includes(op) &&
      (typeof arg === 'number' || typeof arg === 'string')
    ) {
      const sym = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op as '$gt']
      params.push(arg)
      // Strings and numbers never compare with each other in MongoDB; keep SQL to the same type.
      const typeGuard =
        typeof arg === 'number' ? `typeof(${column}) IN ('integer', 'real')` : `typeof(${column}) = 'text'`
      parts.push(`(${column} ${sym} ? AND ${typeGuard})`)
    }
  }
  return parts
}

export function planQuery(
  query: Record<string, unknown>,
  indexes: IndexSpec[],
  sort: Array<[string, 1 | -1]>,
): SqlPlan {
  const indexed = new Set(indexes.flatMap((ix) => ix.fields.map((f) => f.field)))
  const params: unknown[] = []
  const clauses: string[] = []
  for (const [field, cond] of conjuncts(query)) {
    if (field === '_id') clauses.push(...conditionSql('id', cond, params))
    else if (indexed.has(field)) clauses.push(...conditionSql(fieldExpr(field), cond, params))
  }
  const orderInSql = sort.every(([field]) => field === '_id' || PLAIN_PATH.test(field))
  const order = orderInSql
    ? sort
        .map(([field, dir]) => `${field === '_id' ? 'id' : fieldExpr(field)} ${dir === -1 ? 'DESC' : 'ASC'}`)
        .join(', ')
    : ''
  return { where: clauses.join(' AND '), params, order, orderInSql }
}
