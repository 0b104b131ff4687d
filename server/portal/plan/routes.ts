import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PatientParams } from '../params.ts'
import { type TabRouteOptions, wholeTabServer } from '../tab-routes.ts'
import { PlansView } from './schemas.ts'
import { keptPlansTab } from './view.ts'

/** The Plan tab: saved treatment plans, newest first, with totals in cents. */
export const planRoutes: FastifyPluginAsyncTypebox<TabRouteOptions> = async (app, options) => {
  const serveWholeTab = wholeTabServer(options)

  app.get(
    '/api/portal/patients/:patientId/plans',
    { schema: { params: PatientParams, response: { 200: PlansView } } },
    serveWholeTab(keptPlansTab, 'plan', (access) => ({ currency: access.practice.currency })),
  )
}
