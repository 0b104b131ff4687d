import type { FieldErrors, ProblemBody } from '../../server/platform/http/problems.ts'

export type { FieldErrors }

/**
 * A request that did not succeed, carrying the server's RFC 9457 problem details. `status` 0
 * means the server was never reached (offline, DNS, a dropped connection).
 */
export class ApiError extends Error {
  readonly status: number
  /** The problem's stable type, e.g. `/problems/not-found`; switch on this, not on `title`. */
  readonly type: string
  readonly title: string
  /** A sentence safe to show the person; may be absent. */
  readonly detail: string | undefined
  /** Messages keyed by the name of the field the client sent. */
  readonly errors: FieldErrors

  constructor(problem: ProblemBody) {
    super(problem.detail ?? problem.title)
    this.name = 'ApiError'
    this.status = problem.status
    this.type = problem.type
    this.title = problem.title
    this.detail = problem.detail
    this.errors = problem.errors ?? {}
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** GETs JSON from the app's own API. */
export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>(path, { method: 'GET', signal: signal ?? null })
}

/** Sends `body` as JSON and returns the JSON answer (`undefined` for 204 No Content). */
export function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return sendJson<T>('POST', path, body, signal)
}

/** Replaces a resource with `body` as JSON and returns the JSON answer. */
export function putJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return sendJson<T>('PUT', path, body, signal)
}

function sendJson<T>(method: 'POST' | 'PUT', path: string, body: unknown, signal?: AbortSignal) {
  return request<T>(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: signal ?? null,
  })
}

/**
 * GETs JSON together with the response's `Date` header (the server's clock), for answers that
 * hold instants the browser must count down to, such as when a session ends.
 */
export async function getJsonWithDate<T>(
  path: string,
  signal?: AbortSignal,
): Promise<{ body: T; date: string | null }> {
  const response = await send(path, { method: 'GET', signal: signal ?? null })
  return { body: (await response.json()) as T, date: response.headers.get('Date') }
}

/** Sends a DELETE; resolves with the JSON answer, or `undefined` for 204 No Content. */
export function deleteJson<T = undefined>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>(path, { method: 'DELETE', signal: signal ?? null })
}

async function request<T>(path: string, init: RequestInit): Promise<T> {
  const response = await send(path, init)
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

async function send(path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set('Accept', 'application/json, application/problem+json')
  let response: Response
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(UNREACHABLE)
  }
  if (!response.ok) throw new ApiError(await readProblem(response))
  return response
}

const UNREACHABLE: ProblemBody = {
  type: 'network',
  title: 'No connection',
  status: 0,
  detail: 'The server could not be reached. Check your connection and try again.',
}

/** Reads a problem+json body; anything else (a proxy's HTML page) becomes a plain problem. */
export async function readProblem(response: Response): Promise<ProblemBody> {
  const fallback: ProblemBody = {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
  }
  const contentType = response.headers.get('Content-Type') ?? ''
  if (!/^application\/(problem\+)?json\b/.test(contentType)) return fallback
  const body: unknown = await response.json().catch(() => undefined)
  if (!isRecord(body)) return fallback
  return {
    type: stringOr(body.type, fallback.type),
    title: stringOr(body.title, fallback.title),
    status: response.status,
    ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
    ...(isRecord(body.errors) ? { errors: stringValues(body.errors) } : {}),
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback
}

function stringValues(record: Record<string, unknown>): FieldErrors {
  const errors: FieldErrors = {}
  for (const [field, message] of Object.entries(record)) {
    if (typeof message === 'string') errors[field] = message
  }
  return errors
}
