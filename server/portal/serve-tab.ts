import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Static, TSchema } from 'typebox'
import type { Database } from '../platform/db/database.ts'
import type { Dependency, ReadCache } from '../platform/db/read-cache.ts'
import { type PatientAccess, portalAuditor } from './audit-read.ts'
import { type KeptView, sendKeptView } from './kept-body.ts'

/** What a tab's answer depends on besides its rows: plain values (time zone, currency, …). */
export type TabContext = Readonly<Record<string, string | number | boolean | null>>

/** Which rows a tab reads: whose, and (for a paged tab) which page. */
export interface TabRead<Query> {
  practiceId: number
  patientId: number
  query: Query
  now: Date
}

/**
 * A tab that is read through the kept reads: its rows, what they depend on, the audit action of
 * reading them, and the presenter that turns them into the answer. The presenter sees only the
 * rows, the context and the time, so the context alone is what else the answer can vary by.
 */
export interface KeptTab<
  Schema extends TSchema,
  Rows extends object,
  Query extends string | number | null,
  Context extends TabContext,
> {
  /** Names the kept read; unique per tab. */
  name: string
  action: string
  schema: Schema
  load(db: Database, read: TabRead<Query>): Promise<Rows>
  dependsOn(patientId: number): Dependency[]
  present(rows: Rows, context: Context, now: Date): KeptView<Static<Schema>>
}

/** Declares a kept tab (the identity function, for the types). */
export const keptTab = <
  Schema extends TSchema,
  Rows extends object,
  Query extends string | number | null,
  Context extends TabContext,
>(
  tab: KeptTab<Schema, Rows, Query, Context>,
) => tab

export interface ServeTabOptions<Query, Context> {
  /** The guard's answer; its patient is whose rows are read and audited. */
  access: PatientAccess
  query: Query
  context: Context
}

/**
 * Serves kept reads for a tab, the one way every tab does it: the read and its audit row at once
 * (the answer waits for both), the key from the tab, practice, patient and query, the body's
 * variant from the context, and the kept body sent. No route builds a key or a variant by hand,
 * so two patients, pages or contexts cannot share an answer by a slip.
 */
export function tabServer(db: Database, reads: ReadCache) {
  return async function serveTab<
    Schema extends TSchema,
    Rows extends object,
    Query extends string | number | null,
    Context extends TabContext,
  >(
    request: FastifyRequest,
    reply: FastifyReply,
    tab: KeptTab<Schema, Rows, Query, Context>,
    { access, query, context }: ServeTabOptions<Query, Context>,
  ) {
    const practiceId = access.user.practice_id
    const { patientId } = access
    const now = new Date()
    const [rows] = await Promise.all([
      reads.read(
        tabKey(tab.name, practiceId, patientId, query),
        () => tab.load(db, { practiceId, patientId, query, now }),
        () => tab.dependsOn(patientId),
      ),
      portalAuditor(request, access).record(db, tab.action),
    ])
    return sendKeptView(reply, tab.schema, rows, tabVariant(context), now, () =>
      tab.present(rows, context, now),
    )
  }
}

export function tabKey(
  name: string,
  practiceId: number,
  patientId: number,
  query: string | number | null,
) {
  return `${name}:${practiceId}:${patientId}${query === null ? '' : `:${JSON.stringify(query)}`}`
}

/** Every value of the context, in a form no two different contexts share. */
export function tabVariant(context: TabContext) {
  return JSON.stringify(context)
}
