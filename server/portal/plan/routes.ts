import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PortalGuard } from '../../platform/auth/portal-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import type { ReadCache } from '../../platform/db/read-cache.ts'
import { PatientParams } from '../params.ts'
import { tabServer } from '../serve-tab.ts'
import { PlansView } from './schemas.ts'
import { keptPlansTab } from './view.ts'

/** The Plan tab: saved treatment plans, newest first, with totals in cents. */
export const planRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: PortalGuard
  reads: ReadCache
}> = async (app, { db, guard, reads }) => {
  const serveTab = tabServer(db, reads)

  app.get(
    '/api/portal/patients/:patientId/plans',
    { schema: { params: PatientParams, response: { 200: PlansView } } },
    async (request, reply) => {
      const access = await guard.patient(request, request.params.patientId, 'plan')
      return serveTab(request, reply, keptPlansTab, {
        access,
        query: null,
        context: { currency: access.practice.currency },
      })
    },
  )
}
