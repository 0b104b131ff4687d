import type { FastifyReply, FastifyRequest } from 'fastify'
import type { TSchema } from 'typebox'
import type { PortalFeature } from '../platform/auth/access-rules.ts'
import type { PortalGuard } from '../platform/auth/portal-guard.ts'
import type { Database } from '../platform/db/database.ts'
import type { ReadCache } from '../platform/db/read-cache.ts'
import { type KeptTab, type TabContext, tabServer } from './serve-tab.ts'

/** What the routes of a tab served through the kept reads are given (serve-tab.ts). */
export interface TabRouteOptions {
  db: Database
  guard: PortalGuard
  reads: ReadCache
}

/** The guard's answer for the patient in the path. */
export type PatientInPath = Awaited<ReturnType<PortalGuard['patient']>>

/**
 * Handlers for tabs read whole (no pages, no query): the guard lets the user see the patient in
 * the path with the tab's feature on, then the tab is served through the kept reads.
 */
export function wholeTabServer({ db, guard, reads }: TabRouteOptions) {
  const serveTab = tabServer(db, reads)
  return <Schema extends TSchema, Rows extends object, Context extends TabContext>(
    tab: KeptTab<Schema, Rows, null, Context>,
    feature: PortalFeature,
    context: (access: PatientInPath) => Context,
  ) =>
    async (request: FastifyRequest<{ Params: { patientId: number } }>, reply: FastifyReply) => {
      const access = await guard.patient(request, request.params.patientId, feature)
      return serveTab(request, reply, tab, { access, query: null, context: context(access) })
    }
}
