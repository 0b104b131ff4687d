import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PatientParams } from '../params.ts'
import { tabServer } from '../serve-tab.ts'
import type { TabRouteOptions } from '../tab-routes.ts'
import { PlansView } from './schemas.ts'
import { keptPlansTab } from './view.ts'

/** The Plan tab: saved treatment plans, newest first, with totals in cents. */
export const planRoutes: FastifyPluginAsyncTypebox<TabRouteOptions> = async (
  app,
  { db, guard, reads },
) => {
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
