/**
 * The points ledger: the one module through which any function moves points.
 *
 * Every change is one append-only entry in `ledger`, whose id is derived from the change's idempotency
 * key, written in the same transaction as the person's summary in `users/<openid>.points`:
 *   balance = Σ entries, held = Σ open holds, available = balance − held ≥ 0.
 * A retried or raced change finds its entry already there and answers it again instead of writing twice;
 * the same key with other arguments is refused (`already-exists`).
 * Holds (`holds`) set points aside for a pending order; they are released, or captured into a
 * redemption entry, exactly once.
 */
import type { EntryKind } from '../types/points'
import type { HoldRecord, LedgerRecord, UserRecord } from '../types/records'
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

async function readUser(tx: Transaction, openid: string): Promise<UserRecord> {
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
  const points = applyDelta(user.points, delta, now)
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
  await tx
    .collection('users')
    .doc(change.openid)
    .update({ data: { points: _.set(points), updatedAt: now } })
  return { entry, created: true }
}

/** Posts one entry in its own transaction (retried on conflicts). */
export function postEntry(change: PostEntry): Promise<Posted> {
  return inTransaction((tx) => postInTransaction(tx, change, Date.now()))
}

export interface HoldRequest {
  openid: string
  amount: number
  refId: string
  /** Unique per hold, e.g. `order:<orderId>`. */
  key: string
}

/** Sets points aside (available shrinks, balance stays); refused when not enough is available. */
export async function holdInTransaction(tx: Transaction, req: HoldRequest, now: number): Promise<HoldRecord> {
  if (!Number.isInteger(req.amount) || req.amount <= 0)
    throw new AppError('invalid-argument', '冻结的积分必须是正整数')
  const id = idFor(`hold:${req.key}`)
  const earlier = await readOptional(tx.collection<HoldRecord>('holds').doc(id))
  if (earlier) {
    if (earlier.openid !== req.openid || earlier.amount !== req.amount) throw exists('这个操作编号已经用过了')
    return earlier
  }
  const user = await readUser(tx, req.openid)
  if (available(user.points) < req.amount) throw precondition('可用积分不足')
  const hold: HoldRecord = {
    _id: id,
    openid: req.openid,
    amount: req.amount,
    refId: req.refId,
    status: 'open',
    createdAt: now,
    closedAt: null,
  }
  await tx.collection('holds').add({ data: hold })
  await tx
    .collection('users')
    .doc(req.openid)
    .update({ data: { 'points.held': user.points.held + req.amount, updatedAt: now } })
  return hold
}

async function openHold(tx: Transaction, key: string): Promise<HoldRecord> {
  const hold = await readOptional(tx.collection<HoldRecord>('holds').doc(idFor(`hold:${key}`)))
  if (!hold) throw notFound('没有找到冻结的积分')
  return hold
}

/** Gives held points back (cancel, expiry). Releasing twice answers the same released hold. */
export async function releaseInTransaction(tx: Transaction, key: string, now: number): Promise<HoldRecord> {
  const hold = await openHold(tx, key)
  if (hold.status === 'released') return hold
  if (hold.status !== 'open') throw precondition('积分已经兑换，不能退回')
  const user = await readUser(tx, hold.openid)
  const closed: HoldRecord = { ...hold, status: 'released', closedAt: now }
  await tx
    .collection('holds')
    .doc(hold._id)
    .update({ data: { status: 'released', closedAt: now } })
  await tx
    .collection('users')
    .doc(hold.openid)
    .update({ data: { 'points.held': user.points.held - hold.amount, updatedAt: now } })
  return closed
}

/** Spends held points: the hold closes and a redemption entry takes the points out of the balance. */
export async function captureInTransaction(
  tx: Transaction,
  key: string,
  entry: Pick<PostEntry, 'refId' | 'note' | 'operator'>,
  now: number,
): Promise<Posted> {
  const hold = await openHold(tx, key)
  const entryKey = `capture:${key}`
  if (hold.status === 'captured') {
    const earlier = await readOptional(tx.collection<LedgerRecord>('ledger').doc(idFor(`entry:${entryKey}`)))
    if (earlier) return { entry: earlier, created: false }
  }
  if (hold.status !== 'open') throw precondition('积分已经退回，不能再兑换')
  const user = await readUser(tx, hold.openid)
  const points = applyDelta({ ...user.points, held: user.points.held - hold.amount }, -hold.amount, now)
  const ledgerEntry: LedgerRecord = {
    _id: idFor(`entry:${entryKey}`),
    openid: hold.openid,
    delta: -hold.amount,
    kind: 'redemption',
    refId: entry.refId,
    note: entry.note,
    operator: entry.operator,
    createdAt: now,
    balanceAfter: points.balance,
    name: displayName(user),
    public: false,
    fingerprint: JSON.stringify(['redemption', -hold.amount, entry.refId, hold.openid]),
  }
  await tx
    .collection('holds')
    .doc(hold._id)
    .update({ data: { status: 'captured', closedAt: now } })
  await tx.collection('ledger').add({ data: ledgerEntry })
  await tx
    .collection('users')
    .doc(hold.openid)
    .update({ data: { points: _.set(points), updatedAt: now } })
  return { entry: ledgerEntry, created: true }
}

/** Holds in its own transaction. */
export function holdPoints(req: HoldRequest): Promise<HoldRecord> {
  return inTransaction((tx) => holdInTransaction(tx, req, Date.now()))
}

/** Releases a hold in its own transaction. */
export function releaseHold(key: string): Promise<HoldRecord> {
  return inTransaction((tx) => releaseInTransaction(tx, key, Date.now()))
}

/** Captures a hold into a redemption entry in its own transaction. */
export function captureHold(
  key: string,
  entry: Pick<PostEntry, 'refId' | 'note' | 'operator'>,
): Promise<Posted> {
  return inTransaction((tx) => captureInTransaction(tx, key, entry, Date.now()))
}
