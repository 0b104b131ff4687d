import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Invalid } from './problems.ts'

/**
 * What no route's schema refuses and the database or the code behind it cannot take, checked
 * once for every route's params, query string and body:
 * - text with a NUL character (PostgreSQL's text cannot hold U+0000) or half of a UTF-16
 *   surrogate pair (not Unicode; it would be stored as U+FFFD, changed without a word);
 * - values nested deeper than any of our bodies (so walking them costs no stack);
 * - after validation, numbers that are not finite or past 2^53: Ajv's type coercion turns the
 *   text "Infinity" into a number that passes `minimum` and `maximum`, and JSON's 1e400 is
 *   Infinity too; both reach SQL as text PostgreSQL refuses.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => refuseUnusable(request, badText))
  app.addHook('preHandler', async (request) => refuseUnusable(request, badNumber))
}

type Check = (value: unknown) => string | undefined

/** Deeper than any body the API takes; the ones we take are three levels at most. */
const MAX_DEPTH = 32

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

function badText(value: unknown) {
  if (typeof value !== 'string') return undefined
  if (value.includes('\u0000')) return 'must not contain a NUL character'
  if (LONE_SURROGATE.test(value)) return 'must not contain broken Unicode (a lone surrogate)'
  return undefined
}

function badNumber(value: unknown) {
  // Infinity and NaN fail the comparison too; past 2^53 a number no longer says which integer.
  if (typeof value !== 'number' || Math.abs(value) <= Number.MAX_SAFE_INTEGER) return undefined
  return 'must be a number between -(2^53 - 1) and 2^53 - 1'
}

function refuseUnusable(request: FastifyRequest, check: Check) {
  for (const [part, value] of [
    ['params', request.params],
    ['query', request.query],
    ['body', request.body],
  ] as const) {
    const found = firstUnusable(value, check)
    if (found) {
      const field = found.path.length ? found.path.join('.') : part
      throw new Invalid('Some fields are not valid.', { [field]: found.message })
    }
  }
}

/** Walks plain objects and arrays without recursion; Buffers, streams and the like are not. */
function firstUnusable(root: unknown, check: Check) {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, path } = next
    if (path.length > MAX_DEPTH) return { path: path.slice(0, 1), message: 'is nested too deeply' }
    const message = check(value)
    if (message) return { path, message }
    for (const [key, inner] of children(value)) {
      const keyMessage = check(key)
      if (keyMessage) return { path: [...path, key], message: `has a name that ${keyMessage}` }
      stack.push({ value: inner, path: [...path, key] })
    }
  }
  return undefined
}

function children(value: unknown): [string, unknown][] {
  if (Array.isArray(value)) return value.map((item, index) => [String(index), item])
  if (value === null || typeof value !== 'object') return []
  // Plain objects, and the query string's (its prototype is an empty one of null prototype).
  const prototype = Object.getPrototypeOf(value)
  const plain = prototype === null || Object.getPrototypeOf(prototype) === null
  return plain ? Object.entries(value) : []
}
