/** Where log lines go (pino's destination); standard output when none is given. */
export interface LogDestination {
  write(line: string): void
}

/**
 * Request log lines carry the method, the path without its query string, the status and the
 * time — never bodies, query strings, cookies or headers, which may hold health information or
 * credentials. Errors are logged through `safeError`, never as they are.
 */
export function loggerOptions(level: string, stream?: LogDestination) {
  return {
    level,
    redact: ['req.headers', 'req.body'],
    ...(stream ? { stream } : {}),
    serializers: {
      req(request: { method: string; url: string; id: string }) {
        return { method: request.method, path: request.url.split('?')[0], id: request.id }
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode }
      },
      err: safeError,
    },
  }
}

export interface SafeError {
  type: string
  message: string
  stack: string
  [field: string]: unknown
}

// Names of schema objects and the SQLSTATE: enough to find the failing statement, never a value.
const DATABASE_FIELDS = [
  'code',
  'severity',
  'routine',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
] as const

/**
 * An error as it may be logged. Drivers attach what a query was sent with: PGlite the statement
 * and its parameters (a patient's name, a birthdate), pg a `detail` such as "Key (name)=(Garcia)"
 * or "Failing row contains (…)", and PostgreSQL quotes the offending value in some messages
 * (`invalid input syntax for type integer: "…"`). So only named fields are kept, never every
 * property as pino's own serializer does, and a database error's quoted values are blanked.
 */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) {
    return { type: typeof error, message: 'Something that is not an Error was thrown', stack: '' }
  }
  const fields = error as unknown as Record<string, unknown>
  const database = isDatabaseError(fields)
  const message = database ? withoutQuotedValues(error.message) : error.message
  const type = error.constructor?.name ?? error.name
  const safe: SafeError = { type, message, stack: stackLines(type, message, error) }
  if (database) {
    for (const field of DATABASE_FIELDS) {
      if (typeof fields[field] === 'string') safe[field] = fields[field]
    }
  } else if (typeof fields.code === 'string') {
    safe.code = fields.code
  }
  if (typeof fields.statusCode === 'number') safe.statusCode = fields.statusCode
  if (depth < 3 && error.cause !== undefined) safe.cause = safeError(error.cause, depth + 1)
  if (depth < 3 && error instanceof AggregateError) {
    safe.aggregateErrors = error.errors.map((inner) => safeError(inner, depth + 1))
  }
  return safe
}

function isDatabaseError(fields: Record<string, unknown>): boolean {
  return (
    'severity' in fields ||
    'params' in fields ||
    'query' in fields ||
    (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code))
  )
}

function withoutQuotedValues(message: string): string {
  return message.replace(/"[^"]*"/g, '"…"').replace(/'[^']*'/g, "'…'")
}

/** The stack's frames under our own first line: V8 starts a stack with the raw message. */
function stackLines(type: string, message: string, error: Error): string {
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))
  return [`${type}: ${message}`, ...frames].join('\n')
}
