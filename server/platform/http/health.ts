import type { FastifyInstance } from 'fastify'
import { type Database, isReachable } from '../db/database.ts'
import { Problem, sendProblem } from './problems.ts'

/** `/healthz`: the process answers. `/readyz`: it can reach its database and should get traffic. */
export async function healthRoutes(app: FastifyInstance, options: { db: Database }) {
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }))
  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    if (await isReachable(options.db)) return { status: 'ready' }
    return sendProblem(
      reply,
      new Problem(503, 'not-ready', 'Not ready', 'The database cannot be reached.'),
    )
  })
}
