/**
 * The points ledger: the one module through which any function moves points.
 *
 * Every change is one append-only entry in `ledger`, whose id is derived from the change's idempotency
 * key, written in the same transaction as the person's summary in `users/<openid>.points`:
 *   balance = Σ entries, held = Σ held orders' cost, available = balance − held ≥ 0.
 * A retried or raced change finds its entry already there and answers it again instead of writing twice;
 * the same key with other arguments is refused (`already-exists`).
 * Holds set points aside for a pending order: the order itself is the hold (the mall writes the order
 * and the person's summary in one transaction with the functions below), so held = Σ held orders' cost.
 */
import type { EntryKind } from '../types/points'
import { addService, type ServiceKind } from '../types/service'
import type { LedgerRecord, PointsRecord, UserRecord } from '../types/records'
import { _ } from './cloud'
import { AppError, exists, notFound, precondition } from './errors'
import type { DocumentRef, Transaction } from './db'
import { applyDelta, availableOf as available, idFor } from './points-math'
import { inTransaction } from './transaction'
import { displayName } from './users'

export interface PostEntry {
  openid: string
  /** Integer ≠ 0; negative for deductions and spending. */
  delta: number
  kind: EntryKind
  refId: string
  note: string
  operator: string
  /** Unique per change, e.g. `need:<needId>`; scoped by the caller where callers choose it. */
  key: string
  /** Arguments that must match when the key comes again (defaults to the delta, kind and refId). */
  fingerprint?: string
  /** Deductions take at most what is available instead of failing (civic deductions). */
  clampToAvailable?: boolean
  /** Shown on the public board (civic awards and deductions). */
  public?: boolean
  /**
   * The caller's own state already guarantees the key was never posted (e.g. a need moving from done to
   * confirmed inside the same transaction), so the entry need not be looked up first.
   */
  knownNew?: boolean
  /** Confirmed service the entry pays for: its minutes join the person's service time in the same write. */
  service?: ConfirmedService
}

export interface ConfirmedService {
  kind: ServiceKind
  minutes: number
}

export interface Posted {
  entry: LedgerRecord
  /** False when the key had been posted before and the earlier entry is answered again. */
  created: boolean
}

async function readOptional<T>(ref: DocumentRef<T>): Promise<T | null> {
  try {
    return (await ref.get()).data
  } catch (err) {
    if (/does not exist/.test(String((err as { errMsg?: string })?.errMsg ?? (err as Error)?.message ?? err)))
      return null
    throw err
  }
}

export async function readUser(tx: Transaction, openid: string): Promise<UserRecord> {
  const user = await readOptional(tx.collection<UserRecord>('users').doc(openid))
  if (!user) throw notFound('没有找到这位居民')
  return user
}

function fingerprintOf(change: PostEntry): string {
  return change.fingerprint ?? JSON.stringify([change.kind, change.delta, change.refId, change.openid])
}

/** Writes one entry inside a transaction the caller runs (so other documents can change with it). */
export async function postInTransaction(tx: Transaction, change: PostEntry, now: number): Promise<Posted> {
  if (!Number.isInteger(change.delta) || change.delta === 0)
    throw new AppError('invalid-argument', '积分必须是不为0的整数')
  const id = idFor(`entry:${change.key}`)
  const fingerprint = fingerprintOf(change)
  // Lock the entry first: racing retries of one change meet here, before the person's hot record.
  const earlier = change.knownNew ? null : await readOptional(tx.collection<LedgerRecord>('ledger').doc(id))
  if (earlier) {
    if (earlier.fingerprint !== fingerprint)
      throw exists('这个操作编号已经用过了，内容却不同；请刷新后重新操作')
    return { entry: earlier, created: false }
  }
  const user = await readUser(tx, change.openid)
  let delta = change.delta
  if (delta < 0) {
    const can = available(user.points)
    if (change.clampToAvailable) delta = -Math.min(-delta, can)
    else if (can + delta < 0) throw precondition('积分不足')
    if (delta === 0) throw precondition('这位居民已经没有可扣除的积分了')
  }
  const points = applyDelta(user.points, delta, now, change.kind)
  const entry: LedgerRecord = {
    _id: id,
    openid: change.openid,
    delta,
    kind: change.kind,
    refId: change.refId,
    note: change.note,
    operator: change.operator,
    createdAt: now,
    balanceAfter: points.balance,
    name: displayName(user),
    public: change.public ?? false,
    fingerprint,
  }
  await tx.collection('ledger').add({ data: entry })
  const service = change.service
    ? { service: _.set(addService(user.service, change.service.kind, change.service.minutes)) }
    : {}
  await tx
    .collection('users')
    .doc(change.openid)
    .update({ data: { points: _.set(points), ...service, updatedAt: now } })
  return { entry, created: true }
}

/**
 * Counts confirmed service that earns no points (an activity at 0 points an hour): the minutes still join
 * the person's service time, in the caller's transaction.
 */
export async function creditService(
  tx: Transaction,
  openid: string,
  service: ConfirmedService,
  now: number,
): Promise<void> {
  const user = await readUser(tx, openid)
  await tx
    .collection('users')
    .doc(openid)
    .update({
      data: { service: _.set(addService(user.service, service.kind, service.minutes)), updatedAt: now },
    })
}

/** Posts one entry in its own transaction (retried on conflicts). */
export function postEntry(change: PostEntry): Promise<Posted> {
  return inTransaction((tx) => postInTransaction(tx, change, Date.now()))
}

/** The summary after setting `amount` aside for an order; refused when not enough is available. */
export function holdPoints(points: PointsRecord, amount: number): PointsRecord {
  if (!Number.isInteger(amount) || amount <= 0)
    throw new AppError('invalid-argument', '冻结的积分必须是正整数')
  if (available(points) < amount) throw precondition('可用积分不够兑换这件商品')
  return { ...points, held: points.held + amount }
}

/** The summary after giving held points back (a cancelled or expired order). */
export function releasePoints(points: PointsRecord, amount: number): PointsRecord {
  return { ...points, held: points.held - amount }
}

/**
 * Spends held points (a redeemed order): the hold closes and a redemption entry takes the points out of
 * the balance. Answers the new summary and the entry, for the caller's transaction to write together.
 */
export function spendHeld(
  user: UserRecord,
  amount: number,
  change: Pick<PostEntry, 'key' | 'refId' | 'note' | 'operator'>,
  now: number,
): { points: PointsRecord; entry: LedgerRecord } {
  const points = applyDelta(releasePoints(user.points, amount), -amount, now, 'redemption')
  const entry: LedgerRecord = {
    _id: idFor(`entry:${change.key}`),
    openid: user.openid,
    delta: -amount,
    kind: 'redemption',
    refId: change.refId,
    note: change.note,
    operator: change.operator,
    createdAt: now,
    balanceAfter: points.balance,
    name: displayName(user),
    public: false,
    fingerprint: JSON.stringify(['redemption', -amount, change.refId, user.openid]),
  }
  return { points, entry }
}
