import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientAddress } from '../../platform/auth/client.ts'
import type { Database } from '../../platform/db/database.ts'
import { anyPracticeExists } from './queries.ts'
import { SetupBody, SetupDone, SetupStatus } from './schemas.ts'
import { setUpPractice } from './setup.ts'

/**
 * First-run setup, before anyone can sign in: whether it is needed, and doing it with the
 * one-time token from the link `npm start` printed. Nothing here needs a session.
 */
export const setupRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/office/setup',
    { schema: { response: { 200: SetupStatus } } },
    async (_request, reply) => {
      reply.header('Cache-Control', 'no-store')
      return { needed: !(await anyPracticeExists(db)) }
    },
  )

  app.post(
    '/api/office/setup',
    { schema: { body: SetupBody, response: { 201: SetupDone } } },
    async (request, reply) => {
      const { token, ...setup } = request.body
      const done = await setUpPractice(db, setup, { token, ip: clientAddress(request) })
      return reply.status(201).send({ practiceName: done.practiceName, username: done.username })
    },
  )
}
