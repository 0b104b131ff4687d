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
  // Callbacks rather than async hooks: every request passes both, and a promise each for a walk
  // that never waits was measurable (docs/decisions.md, "Per-request CPU").
  app.addHook('preValidation', (request, _reply, done) => done(unusableInput(request, badText)))
  app.addHook('preHandler', (request, _reply, done) => done(unusableInput(request, badNumber)))
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

/** The refusal for the first unusable value in the request, if any. */
function unusableInput(request: FastifyRequest, check: Check): Invalid | undefined {
  for (const [part, value] of [
    ['params', request.params],
    ['query', request.query],
    ['body', request.body],
  ] as const) {
    const found = firstUnusable(value, check)
    if (found) {
      const field = found.path.length ? found.path.join('.') : part
      return new Invalid('Some fields are not valid.', { [field]: found.message })
    }
  }
  return undefined
}

interface Unusable {
  path: string[]
  message: string
}

/**
 * Walks plain objects and arrays (Buffers, streams and the like are not), depth first, keeping
 * one path that grows and shrinks as it goes: a 1,000-operation sync batch is walked twice per
 * request, and a path, an entry and a pair per value made it megabytes of garbage each time.
 * The recursion is as deep as the value, and never deeper than MAX_DEPTH + 1.
 */
function firstUnusable(root: unknown, check: Check): Unusable | undefined {
  const path: (string | number)[] = []
  const found = (message: string, at = path) => ({ path: at.map(String), message })
  const visit = (value: unknown): Unusable | undefined => {
    if (path.length > MAX_DEPTH) return found('is nested too deeply', path.slice(0, 1))
    const message = check(value)
    if (message) return found(message)
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index += 1) {
        path.push(index)
        const inner = visit(value[index])
        path.pop()
        if (inner) return inner
      }
    } else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        const keyMessage = check(key)
        if (keyMessage) return found(`has a name that ${keyMessage}`, [...path, key])
        path.push(key)
        const inner = visit(value[key])
        path.pop()
        if (inner) return inner
      }
    }
    return undefined
  }
  return visit(root)
}

/** Plain objects, and the query string's (its prototype is an empty one of null prototype). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === null || Object.getPrototypeOf(prototype) === null
}
