import type { FastifyInstance } from 'fastify'

/**
 * The Content-Security-Policy of the app's own pages. It allows nothing from other origins: the
 * web app is served from this origin, documents are shown from this origin, and no third-party
 * scripts run next to health information.
 */
const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  // React Aria positions a few widgets with inline style attributes (not style elements).
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'frame-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
}

/**
 * The security headers of every response, worked out once: the same set helmet sends by default,
 * plus our CSP and Permissions-Policy. A route may replace one (a document shown in a frame says
 * `frame-ancestors 'self'`). Computing them per request cost a tenth of a tab's CPU time.
 */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  const policy = Object.entries(CONTENT_SECURITY_POLICY).map(
    ([directive, sources]) => `${directive} ${sources.join(' ')}`,
  )
  if (options.https) policy.push('upgrade-insecure-requests')
  return {
    'content-security-policy': policy.join(';'),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    ...(options.https
      ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
      : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(self)',
  }
}

export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }) {
  const headers = securityHeaders(options)
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers)
    done()
  })
}
