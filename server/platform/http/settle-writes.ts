import type { FastifyInstance } from 'fastify'
import type { ReadCache } from '../db/read-cache.ts'

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * A request that may have written answers only once this instance's kept reads have heard of
 * its changes, so the page that asked and then reloads never sees what it just replaced.
 */
export function registerSettleWrites(app: FastifyInstance, reads: ReadCache) {
  app.addHook('onSend', async (request) => {
    if (!READS.has(request.method)) await reads.settle()
  })
}
