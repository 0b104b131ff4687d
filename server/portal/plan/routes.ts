import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PortalGuard } from '../../platform/auth/portal-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import type { ReadCache } from '../../platform/db/read-cache.ts'
import { auditPatientRead } from '../audit-read.ts'
import { sendKeptView } from '../kept-body.ts'
import { PatientParams } from '../params.ts'
import { listSavedPlans, savedPlansDependencies } from './queries.ts'
import { planTotals } from './rules.ts'
import { PlansView } from './schemas.ts'

/** The Plan tab: saved treatment plans, newest first, with totals in cents. */
export const planRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: PortalGuard
  reads: ReadCache
}> = async (app, { db, guard, reads }) => {
  app.get(
    '/api/portal/patients/:patientId/plans',
    { schema: { params: PatientParams, response: { 200: PlansView } } },
    async (request, reply) => {
      const access = await guard.patient(request, request.params.patientId, 'plan')
      const practiceId = access.user.practice_id
      const [plans] = await Promise.all([
        reads.read(
          `plans-tab:${practiceId}:${access.patientId}`,
          () => listSavedPlans(db, practiceId, access.patientId),
          () => savedPlansDependencies(access.patientId),
        ),
        auditPatientRead(db, request, access, 'plans.viewed'),
      ])
      const currency = access.practice.currency
      return sendKeptView(reply, PlansView, plans, currency, new Date(), () => ({
        view: {
          currency,
          plans: plans.map((plan) => {
            const planRows = plan.rows
            return {
              id: plan.id,
              heading: plan.heading,
              date: plan.plan_date,
              note: plan.note,
              rows: planRows.map((row) => ({
                priority: row.priority,
                tooth: row.tooth,
                surface: row.surface,
                code: row.code,
                description: row.description,
                feeCents: row.fee_cents,
                primaryInsuranceCents: row.primary_insurance_cents,
                secondaryInsuranceCents: row.secondary_insurance_cents,
                discountCents: row.discount_cents,
                patientPortionCents: row.patient_portion_cents,
              })),
              totals: planTotals(planRows),
            }
          }),
        },
      }))
    },
  )
}
