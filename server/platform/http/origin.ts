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
  // A callback rather than an async hook: every request passes here, and a promise per request
  // for a check that never waits was measurable (docs/decisions.md, "Per-request CPU").
  app.addHook('onRequest', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method) || isSameSite(request, trusted)) return done()
    // Answered here, so the request goes no further (the rest of its hooks are skipped).
    sendProblem(
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
