/**
 * Types for the part of wx-server-sdk's database API that the functions use (its own typings are mostly
 * `any`). Documents are plain records; every read answers `{ data }`.
 */
/** A field condition; conditions on one field chain with and/or. */
export interface Condition {
  and(other: Condition): Condition
  or(other: Condition): Condition
}

export interface Command {
  eq(v: unknown): Condition
  neq(v: unknown): Condition
  lt(v: unknown): Condition
  lte(v: unknown): Condition
  gt(v: unknown): Condition
  gte(v: unknown): Condition
  in(v: unknown[]): Condition
  nin(v: unknown[]): Condition
  exists(v: boolean): Condition
  and(conditions: object[]): object
  or(conditions: object[]): object
  set(v: unknown): object
  inc(n: number): object
  remove(): object
  push(v: unknown): object
  pull(v: unknown): object
  addToSet(v: unknown): object
  aggregate: {
    sum(v: unknown): object
    avg(v: unknown): object
    max(v: unknown): object
    min(v: unknown): object
  }
}

/** An aggregation pipeline (each stage as MongoDB's); `end()` runs it. */
export interface Aggregate<R = Record<string, unknown>> {
  match(query: object): Aggregate<R>
  group(spec: object): Aggregate<R>
  sort(spec: Record<string, 1 | -1>): Aggregate<R>
  limit(n: number): Aggregate<R>
  project(spec: object): Aggregate<R>
  end(): Promise<{ list: R[] }>
}

export interface Query<T = Record<string, unknown>> {
  where(condition: object): Query<T>
  orderBy(field: string, direction: 'asc' | 'desc'): Query<T>
  skip(n: number): Query<T>
  limit(n: number): Query<T>
  field(projection: Record<string, boolean>): Query<T>
  get(): Promise<{ data: T[] }>
  count(): Promise<{ total: number }>
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface DocumentRef<T = Record<string, unknown>> {
  /** Throws when the document does not exist. */
  get(): Promise<{ data: T }>
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  set(options: { data: object }): Promise<unknown>
  remove(): Promise<unknown>
}

export interface CollectionRef<T = Record<string, unknown>> extends Query<T> {
  doc(id: string): DocumentRef<T>
  add(options: { data: object }): Promise<{ _id: string }>
  aggregate<R = Record<string, unknown>>(): Aggregate<R>
}

export interface Transaction {
  collection<T = Record<string, unknown>>(
    name: string,
  ): {
    doc(id: string): DocumentRef<T>
    add(options: { data: object }): Promise<{ _id: string }>
  }
}

export interface Database {
  command: Command
  collection<T = Record<string, unknown>>(name: string): CollectionRef<T>
  runTransaction<R>(work: (tx: Transaction) => Promise<R>, retries?: number): Promise<R>
  serverDate(options?: { offset: number }): object
  RegExp(options: { regexp: string; options?: string }): object
}
