// Errors that say the database cannot be reached or is not serving right now (a restart, a
// failover, a dropped connection), as opposed to a fault in the statement itself. A request that
// meets one is answered 503: trying again in a moment will work.

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
])

// SQLSTATEs: admin_shutdown (pg_terminate_backend, a fast shutdown), crash_shutdown,
// cannot_connect_now (starting up or shutting down), too_many_connections.
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300'])

// node-postgres reports its own connection troubles by message only.
const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'is not queryable',
  'Cannot use a pool after calling end',
]

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (typeof cause !== 'object') return false
    const { code, message } = cause as { code?: unknown; message?: unknown }
    if (typeof code === 'string') {
      if (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08')) return true
    }
    if (typeof message === 'string' && DRIVER_MESSAGES.some((text) => message.includes(text))) {
      return true
    }
    cause = (cause as { cause?: unknown }).cause
  }
  return false
}
