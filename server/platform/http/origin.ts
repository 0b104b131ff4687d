import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Problem, sendProblem } from './problems.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses state-changing requests sent from another site (DESIGN: sessions check Origin). The
 * SameSite=Lax cookie already stops most; this also covers sibling subdomains and old browsers.
 * Requests without Origin (curl, the PMS's sync client) are not browser cross-site requests.
 */
export function registerOriginCheck(app: FastifyInstance, publicUrl: string) {
  const trusted = new URL(publicUrl).origin
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method)) return
    if (isSameSite(request, trusted)) return
    return sendProblem(
      reply,
      new Problem(403, 'cross-site', 'Cross-site request refused', 'Please use the portal itself.'),
    )
  })
}

function isSameSite(request: FastifyRequest, trusted: string): boolean {
  const origin = request.headers.origin
  if (!origin) return request.headers['sec-fetch-site'] !== 'cross-site'
  return origin === trusted || origin === `${request.protocol}://${request.host}`
}
