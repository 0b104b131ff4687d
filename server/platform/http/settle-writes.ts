import type { FastifyInstance } from 'fastify'
import type { ReadCache } from '../db/read-cache.ts'

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * A request that may have written answers only once this instance's kept reads have heard of
 * its changes, so the page that asked and then reloads never sees what it just replaced.
 */
export function registerSettleWrites(app: FastifyInstance, reads: ReadCache) {
  // A callback rather than an async hook: reads, nearly every request, pass straight through
  // without a promise of their own (docs/decisions.md, "Per-request CPU").
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (READS.has(request.method)) return done(null, payload)
    reads.settle().then(() => done(null, payload), done)
  })
}
