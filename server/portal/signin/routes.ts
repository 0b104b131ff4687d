import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../platform/db/database.ts'
import { findPortalPracticeOrNotFound } from '../../practice/queries.ts'
import { findPrivacyPolicy, listVisibleClinics } from './queries.ts'
import { offersOnlinePayments } from './rules.ts'
import { PublicPractice, PublicPrivacyPolicy } from './schemas.ts'

/** What the public sign-in page shows before anyone signs in: no patient data at all. */
export const signInRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/public/practice',
    { schema: { response: { 200: PublicPractice } } },
    async (_request, reply) => {
      const practice = await findPortalPracticeOrNotFound(db)
      const clinics = await listVisibleClinics(db, practice.id)
      reply.header('Cache-Control', 'no-cache')
      return {
        name: practice.name,
        currency: practice.currency,
        clinics: clinics.map((clinic) => ({ id: clinic.id, name: clinic.name })),
        onlinePayments: offersOnlinePayments({
          featureOn: practice.feature_make_payments ?? false,
          practiceProcessor: practice.payment_processor ?? null,
          clinicsAcceptingPayments: clinics.filter((clinic) => clinic.online_payments_enabled)
            .length,
        }),
      }
    },
  )

  // Reachable from every page shown before sign-in, not only from Verify.
  app.get(
    '/api/public/privacy-policy',
    { schema: { response: { 200: PublicPrivacyPolicy } } },
    async (_request, reply) => {
      const practice = await findPortalPracticeOrNotFound(db)
      reply.header('Cache-Control', 'no-cache')
      return { policy: await findPrivacyPolicy(db, practice.id) }
    },
  )
}
