import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Invalid } from '../../platform/http/problems.ts'
import { npiProblem } from '../../practice/rules.ts'
import { requireSyncKey } from '../auth.ts'
import type { SyncRouteOptions } from '../routes.ts'
import { ProblemDetails } from '../schemas.ts'
import { strictValidatorCompiler } from '../validate.ts'
import { findPracticeIdentity, updatePracticeNpi } from './queries.ts'
import { SyncPractice, SyncPracticeView } from './schemas.ts'

const PROBLEMS = { '4xx': ProblemDetails }

/**
 * The practice the key belongs to, as one resource (not a collection: there is one, and it has
 * no external id). The PMS sets what it is the source of: the organization NPI. Audited by the
 * API's per-call row like the collections.
 */
export const syncPracticeRoutes: FastifyPluginAsyncTypebox<SyncRouteOptions> = async (
  app,
  { db },
) => {
  app.get(
    '/practice',
    {
      schema: {
        summary: 'Read the practice this key belongs to',
        tags: ['practice'],
        response: { 200: SyncPracticeView, ...PROBLEMS },
      },
    },
    async (request) => {
      const { practiceId } = await requireSyncKey(db, request)
      return findPracticeIdentity(db, practiceId)
    },
  )

  app.put(
    '/practice',
    {
      validatorCompiler: strictValidatorCompiler,
      schema: {
        summary: "Set the practice's own facts (its organization NPI); left out: cleared",
        tags: ['practice'],
        body: SyncPractice,
        response: { 200: SyncPracticeView, ...PROBLEMS },
      },
    },
    async (request) => {
      const { practiceId } = await requireSyncKey(db, request)
      const npi = request.body.npi ?? null
      const problem = npi === null ? undefined : npiProblem(npi)
      if (problem) throw new Invalid('Please check the NPI.', { npi: problem })
      await updatePracticeNpi(db, practiceId, npi)
      return findPracticeIdentity(db, practiceId)
    },
  )
}
