import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { isDatabaseUnavailable } from '../db/unavailable.ts'
import { type Language, requestLanguage } from '../i18n/languages.ts'
import { translateProblem } from '../i18n/translate.ts'

/** Field-level messages keyed by the field's name as the client sent it. */
export type FieldErrors = Record<string, string>

/**
 * An expected failure, mapped once to RFC 9457 problem+json. `type` is a stable URI-like name
 * clients can switch on; `detail` is safe to show a person and never holds health information.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldErrors,
  ) {
    super(detail ?? title)
  }
}

export class NotFound extends Problem {
  constructor(detail = 'Nothing was found at this address.') {
    super(404, 'not-found', 'Not found', detail)
  }
}

export class Forbidden extends Problem {
  constructor(detail = 'You do not have access to this.') {
    super(403, 'forbidden', 'Forbidden', detail)
  }
}

export class Unauthorized extends Problem {
  constructor(detail = 'Please sign in.') {
    super(401, 'unauthorized', 'Sign-in required', detail)
  }
}

export class Invalid extends Problem {
  constructor(detail: string, errors?: FieldErrors) {
    super(400, 'invalid', 'Invalid request', detail, errors)
  }
}

export class Conflict extends Problem {
  constructor(detail: string, errors?: FieldErrors) {
    super(409, 'conflict', 'Conflict', detail, errors)
  }
}

/** A step the person has already taken (or that is not theirs to take now): nothing to redo. */
export class AlreadyDone extends Problem {
  constructor(detail: string) {
    super(409, 'already-done', 'Already done', detail)
  }
}

/** The database cannot be reached for now (a restart, a failover); asking again later works. */
export class Unavailable extends Problem {
  constructor(detail = 'The service is briefly unavailable. Please try again in a moment.') {
    super(503, 'unavailable', 'Service unavailable', detail)
  }
}

/** Seconds a client is asked to wait before trying again after a 503. */
const RETRY_AFTER_SECONDS = '5'

export const PROBLEM_TYPE_BASE = '/problems/'

export interface ProblemBody {
  type: string
  title: string
  status: number
  detail?: string
  errors?: FieldErrors
}

/**
 * Sends `problem` as problem+json, its sentences in the request's language (the person's chosen
 * language cookie, else Accept-Language); `type` and the field names stay as they are.
 */
export function sendProblem(reply: FastifyReply, problem: Problem) {
  const language = requestLanguage(reply.request.headers)
  const say = (english: string) => translateProblem(language, english)
  const body: ProblemBody = {
    type: PROBLEM_TYPE_BASE + problem.type,
    title: say(problem.title),
    status: problem.status,
    ...(problem.detail ? { detail: say(problem.detail) } : {}),
    ...(problem.errors ? { errors: translatedErrors(problem.errors, language) } : {}),
  }
  return reply.status(problem.status).type('application/problem+json').send(body)
}

function translatedErrors(errors: FieldErrors, language: Language): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field, translateProblem(language, message)]),
  )
}

/** Maps every error leaving a route to problem+json; unexpected ones become a bare 500. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof Problem) return sendProblem(reply, error)
  if (error.validation) return sendProblem(reply, validationProblem(error))
  if (isDatabaseUnavailable(error)) {
    // Expected while the database restarts; its code, not the statement or its values.
    request.log.warn({ code: (error as { code?: unknown }).code }, 'database unavailable')
    return sendProblem(reply.header('Retry-After', RETRY_AFTER_SECONDS), new Unavailable())
  }
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    return sendProblem(
      reply,
      new Problem(status, 'bad-request', 'Bad request', clientMessage(error)),
    )
  }
  request.log.error({ err: error }, 'unexpected error')
  return sendProblem(
    reply,
    new Problem(500, 'internal', 'Something went wrong', 'Please try again in a moment.'),
  )
}

/** Fastify's own refusals before routing (a malformed or over-long path). */
export function handleFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
) {
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400
  return sendProblem(reply, new Problem(status, 'bad-request', 'Bad request', clientMessage(error)))
}

export function handleNotFound(_request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, new NotFound())
}

function validationProblem(error: FastifyError): Invalid {
  const errors: FieldErrors = {}
  for (const issue of error.validation ?? []) {
    const field = fieldName(issue.instancePath, issue.params)
    errors[field] ??= issue.message ?? 'is not valid'
  }
  return new Invalid('Some fields are missing or not valid.', errors)
}

function fieldName(instancePath: string, params: Record<string, unknown>): string {
  const missing = typeof params.missingProperty === 'string' ? params.missingProperty : undefined
  const path = instancePath.replace(/^\//, '').replace(/\//g, '.')
  if (missing) return path ? `${path}.${missing}` : missing
  return path || 'body'
}

// Fastify's own 4xx messages (bad JSON, body too large) are safe; keep them short.
function clientMessage(error: FastifyError): string {
  return error.message.slice(0, 200)
}
