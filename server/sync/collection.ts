import type { Static, TSchema } from 'typebox'
import type { Database } from '../platform/db/database.ts'
import type { FileStorage } from '../platform/files/storage.ts'

/**
 * One collection of the sync API (`/api/sync/v1/{name}/{externalId}`): the PMS's rows of one kind,
 * keyed by the PMS's own id. The router (server/sync/routes.ts) registers every collection in
 * server/sync/collections/index.ts the same way: PUT upserts, GET reads back, DELETE removes, and
 * the batch endpoint runs the same functions inside one transaction.
 */
export interface SyncCollection<S extends TSchema = TSchema> {
  /** Plural kebab-case, as in the URL: `patients`, `recall-types`, `treatment-plans`. */
  name: string
  /** The request body of PUT (camelCase fields); also the answer of PUT and GET. */
  schema: S
  /**
   * A valid body for the docs, the contract tests and the idempotency tests. Its references use
   * the other collections' examples, whose external id is always `example` (e.g. a patient's
   * `guarantorExternalId: 'example'`); collections/index.ts lists parents before children.
   */
  example: Static<S>
  /**
   * Inserts or updates the row with this external id, inside `ctx.db` (a transaction). Writes
   * nothing when the stored row already equals `body`, so a replay changes nothing (no trigger
   * fires, no kept read is dropped) and answers the same. References to other collections are
   * resolved with `ctx.refs`, which refuses a missing one with a field-level problem.
   */
  upsert(ctx: SyncContext, externalId: string, body: Static<S>): Promise<UpsertOutcome>
  /**
   * Optional: the same as `upsert` for each row in order, in as few statements as it can (the
   * batch endpoint groups consecutive puts of one collection). Throws a RowFailure naming the
   * row by its position in `rows`.
   */
  upsertMany?(
    ctx: SyncContext,
    rows: { externalId: string; body: Static<S> }[],
  ): Promise<UpsertOutcome[]>
  /** The stored row in the shape of `schema`, or null. */
  read(ctx: SyncContext, externalId: string): Promise<Static<S> | null>
  /**
   * Removes the row (or hides it where history must stay, e.g. appointments with audit rows);
   * the portal stops showing it and nothing that hung on it stays visible. False when absent.
   */
  remove(ctx: SyncContext, externalId: string): Promise<boolean>
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged'

/** What went wrong with one row of an `upsertMany`, by its position in the rows given. */
export class RowFailure extends Error {
  constructor(
    readonly position: number,
    override readonly cause: unknown,
  ) {
    super(`row ${position} failed`)
  }
}

export interface SyncContext {
  /** A transaction: one PUT, or a whole batch. */
  db: Database
  practiceId: number
  files: FileStorage
  /** The patient portal's address, for the notification of a message from the practice. */
  portalUrl: string
  refs: ExternalRefs
}

/** Resolves the PMS's id of a row in another collection to Bitewing's id, within the practice. */
export interface ExternalRefs {
  /**
   * The row id for `externalId` in `collection`; throws a 422 problem naming `field` when the
   * practice has no such row (rows written earlier in the same batch count).
   */
  id(collection: string, externalId: string, field: string): Promise<number>
  /** Same, for an optional reference: null stays null. */
  optional(
    collection: string,
    externalId: string | null | undefined,
    field: string,
  ): Promise<number | null>
}
