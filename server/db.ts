/**
 * Types for the part of wx-server-sdk's database API that the functions use (its own typings are mostly
 * `any`). Documents are plain records; every read answers `{ data }`.
 */
export interface Command {
  eq(v: unknown): object
  neq(v: unknown): object
  lt(v: unknown): object
  lte(v: unknown): object
  gt(v: unknown): object
  gte(v: unknown): object
  in(v: unknown[]): object
  nin(v: unknown[]): object
  exists(v: boolean): object
  and(conditions: object[]): object
  or(conditions: object[]): object
  set(v: unknown): object
  inc(n: number): object
  remove(): object
  push(v: unknown): object
  pull(v: unknown): object
  addToSet(v: unknown): object
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
