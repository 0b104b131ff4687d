import type { HTTPMethods, RouteOptions } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import { TEST_ORIGIN } from '../../testing/http.ts'
import { type JsonSchema, type RouteTarget, routeTargets, sample } from '../../testing/routes.ts'
import { signedInStaff, useFamilyApp } from '../../testing/suite.ts'
import { describeEachDatabase } from '../db/testing.ts'

/**
 * Every registered route, every field of its params, query string and body, each replaced in
 * turn by each hostile value below, signed in as a patient and as staff at once: the answer is
 * never a 5xx, and every 4xx is problem+json. The routes and their fields come from the app
 * itself (an onRoute hook and the routes' schemas), so a new route is covered without a line
 * here.
 */

/** Raw JSON text, put where any value of a body goes. */
const HOSTILE_JSON = [
  '"a\\u0000b"',
  '"\\u0000"',
  '"\\ud800"',
  '"x\\udc00y"',
  `"${'x'.repeat(100_000)}"`,
  '""',
  '"   "',
  '"<script>alert(1)</script>"',
  `"'; drop table patients; --"`,
  '1e400',
  'null',
  'true',
  '[]',
  '{}',
  '{"__proto__":{"polluted":true}}',
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
]

/**
 * Raw JSON text that means something only to a field with a type beyond plain text (numbers,
 * dates, patterns, choices); to plain text it is text like any other, and skipping it there keeps
 * the sign-in routes from spending a password hash on each.
 */
const HOSTILE_TYPED_JSON = [
  '"2026-02-30"',
  '"2026-13-01"',
  '"0000-00-00"',
  '"0000-01-01"',
  '"9999-12-31"',
  '"Infinity"',
  '"NaN"',
  '"-1"',
  '"99999999999999999999"',
  '-1e400',
  '0',
  '-1',
  '1.5',
  '2147483648',
  '9007199254740993',
  '9223372036854775808',
  '1e20',
]

/** Raw (already percent-encoded) text, put where a path segment or query value goes. */
const HOSTILE_URL = [
  'a%00b',
  '%00',
  '%ED%A0%80',
  '%FF',
  '%E0%A4%A',
  '%',
  'Infinity',
  'NaN',
  '-1',
  '0',
  '1.5',
  '1e400',
  '2147483648',
  '9007199254740993',
  '9223372036854775807',
  '9223372036854775808',
  '99999999999999999999',
  '0x10',
  '%201',
  'x'.repeat(5_000),
  '2026-02-30',
  'true',
  '%5B%5D',
]

/** Whole bodies of the wrong shape, for every route that takes one. */
const HOSTILE_BODIES = [
  'null',
  '"\\u0000"',
  '[]',
  '1e400',
  '{',
  '{"__proto__":{"polluted":true}}',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
]

const MARKER = 'hostile-marker-7f3a'

interface Sent {
  method: HTTPMethods
  url: string
  payload?: string
  /** What was substituted where, for the failure report. */
  label: string
}

describeEachDatabase('hostile input to every route', (kind) => {
  const routes: RouteOptions[] = []
  const suite = useFamilyApp(kind, { onRoute: (route) => routes.push(route) })
  let cookie: string
  let ids: Record<string, number>

  beforeAll(async () => {
    const { family } = suite
    const office = await signedInStaff(suite, {
      practiceId: family.practiceId,
      username: 'fuzz.admin',
    })
    cookie = `${suite.cookies.maria}; ${office.cookie}`
    ids = {
      patientId: family.patients.sofia,
      appointmentId: family.appointments.sofiaNext,
      recallId: family.recall,
    }
  })

  it('answers no hostile value with a 5xx, and every 4xx with problem+json', async () => {
    const targets = routeTargets(routes)
    const requests = targets.flatMap((target) => hostileRequests(target, ids))
    const failures: string[] = []
    // In small parallel groups, route by route; the session-ending routes come last.
    for (let start = 0; start < requests.length; start += 8) {
      const group = requests.slice(start, start + 8)
      await Promise.all(
        group.map(async (sent) => {
          const response = await suite.app.inject({
            method: sent.method,
            url: sent.url,
            headers: {
              origin: TEST_ORIGIN,
              cookie,
              ...(sent.payload === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(sent.payload === undefined ? {} : { payload: sent.payload }),
          })
          const problem = String(response.headers['content-type']).includes('problem+json')
          if (response.statusCode >= 500 || (response.statusCode >= 400 && !problem)) {
            failures.push(
              `${response.statusCode} ${sent.method} ${sent.label}: ${response.body.slice(0, 120)}`,
            )
          }
        }),
      )
    }
    console.info(
      `[${kind}] ${requests.length} hostile requests to ${targets.length} routes ` +
        `(${new Set(targets.map((target) => target.url)).size} paths)`,
    )
    expect(targets.length).toBeGreaterThan(40)
    expect(failures).toEqual([])
  }, 600_000)
})

function hostileRequests(target: RouteTarget, ids: Record<string, number>): Sent[] {
  const params = (target.params ? sample(target.params, '', ids) : {}) as Record<string, unknown>
  const query = (target.querystring ? sample(target.querystring, '', ids) : {}) as Record<
    string,
    unknown
  >
  const body = target.body ? sample(target.body, '', ids) : undefined
  const url = (paramValues: Record<string, string>, queryText: string) =>
    target.url.replace(/:(\w+)/g, (_, name: string) => paramValues[name] ?? '1') +
    (queryText ? `?${queryText}` : '')
  const plainParams = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, encodeURIComponent(String(value))]),
  )
  const plainQuery = Object.entries(query)
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join('&')
  const bodyText = body === undefined ? undefined : JSON.stringify(body)
  const sent: Sent[] = []
  const send = (
    label: string,
    paramValues: Record<string, string>,
    queryText: string,
    payload = bodyText,
  ) => sent.push({ method: target.method, url: url(paramValues, queryText), payload, label })

  for (const name of Object.keys(params)) {
    for (const value of HOSTILE_URL) {
      send(
        `${target.url} params.${name}=${value.slice(0, 20)}`,
        { ...plainParams, [name]: value },
        plainQuery,
      )
    }
  }
  const queryNames = Object.keys(target.querystring?.properties ?? {})
  for (const name of queryNames) {
    const others = plainQuery
      .split('&')
      .filter((pair) => pair && !pair.startsWith(`${name}=`))
      .join('&')
    for (const value of [...HOSTILE_URL, '1&x=2'].map((v) => `${name}=${v}`)) {
      send(
        `${target.url} query ${value.slice(0, 30)}`,
        plainParams,
        [others, value].filter(Boolean).join('&'),
      )
    }
    send(
      `${target.url} query ${name} twice`,
      plainParams,
      [others, `${name}=1&${name}=2`].filter(Boolean).join('&'),
    )
  }
  for (const pair of ['unexpected=%00', 'unexpected=%ED%A0%80', 'a%00b=1']) {
    send(`${target.url} query ${pair}`, plainParams, [plainQuery, pair].filter(Boolean).join('&'))
  }
  if (target.body && body !== undefined) {
    for (const path of nodePaths(body)) {
      const marked = JSON.stringify(withValueAt(body, path, MARKER))
      const plain = isPlainText(schemaAt(target.body, path))
      for (const value of plain ? HOSTILE_JSON : [...HOSTILE_JSON, ...HOSTILE_TYPED_JSON]) {
        send(
          `${target.url} body.${path.join('.')}=${value.slice(0, 20)}`,
          plainParams,
          plainQuery,
          marked.replace(`"${MARKER}"`, value),
        )
      }
    }
  }
  if (target.method !== 'GET' && target.method !== 'DELETE') {
    for (const value of HOSTILE_BODIES) {
      send(`${target.url} whole body ${value.slice(0, 20)}`, plainParams, plainQuery, value)
    }
  }
  return sent
}

/** The schema of the value at a path of a sampled body (the first non-null choice of a union). */
function schemaAt(schema: JsonSchema | undefined, path: string[]): JsonSchema | undefined {
  if (!schema) return undefined
  if (schema.anyOf)
    return schemaAt(
      schema.anyOf.find((option) => option.type !== 'null'),
      path,
    )
  const [head, ...rest] = path
  if (head === undefined) return schema
  if (schema.allOf) {
    const part = schema.allOf.find((option) => option.properties?.[head])
    return schemaAt(part?.properties?.[head], rest)
  }
  return schemaAt(schema.type === 'array' ? schema.items : schema.properties?.[head], rest)
}

function isPlainText(schema: JsonSchema | undefined) {
  return schema?.type === 'string' && !schema.format && !schema.pattern && !schema.const
}

/** The path of every value inside a body (objects' properties and arrays' first items). */
function nodePaths(value: unknown, prefix: string[] = []): string[][] {
  const children: [string, unknown][] = Array.isArray(value)
    ? value.slice(0, 1).map((item) => ['0', item])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : []
  return children.flatMap(([key, inner]) => [
    [...prefix, key],
    ...nodePaths(inner, [...prefix, key]),
  ])
}

function withValueAt(value: unknown, path: string[], replacement: unknown): unknown {
  const [head, ...rest] = path
  if (head === undefined) return replacement
  if (Array.isArray(value)) {
    return value.map((item, index) =>
      String(index) === head ? withValueAt(item, rest, replacement) : item,
    )
  }
  const object = value as Record<string, unknown>
  return { ...object, [head]: withValueAt(object[head], rest, replacement) }
}
