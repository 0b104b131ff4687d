import type { FastifyRequest } from 'fastify'

/**
 * The client address: the socket's peer, or behind trusted proxies (TRUST_PROXY) the entry of
 * X-Forwarded-For the nearest untrusted hop was seen from, never the left-most one a client wrote.
 */
export function clientAddress(request: Pick<FastifyRequest, 'ip'>): string {
  return request.ip || 'unknown'
}

export function userAgent(request: FastifyRequest): string | undefined {
  return request.headers['user-agent']
}
