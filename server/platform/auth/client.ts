import type { FastifyRequest } from 'fastify'

/** The client address (behind a proxy, from X-Forwarded-For: the app trusts its proxy). */
export function clientAddress(request: FastifyRequest): string {
  return request.ip || 'unknown'
}

export function userAgent(request: FastifyRequest): string | undefined {
  return request.headers['user-agent']
}
