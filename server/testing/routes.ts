import type { HTTPMethods, RouteOptions } from 'fastify'

/** The parts of a route's JSON Schema that the sweeps read. */
export type JsonSchema = {
  type?: string
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
  allOf?: JsonSchema[]
  const?: unknown
  format?: string
  pattern?: string
  minimum?: number
}

/** One method of one registered route, with the schemas of what a request to it carries. */
export interface RouteTarget {
  method: HTTPMethods
  url: string
  params: JsonSchema | undefined
  querystring: JsonSchema | undefined
  body: JsonSchema | undefined
}

/**
 * The app's own routes as told to buildApp's `onRoute` (not HEAD twins, not the web app's
 * wildcard files), one target per method, the session-ending ones last so a sweep signed in
 * stays signed in until the end.
 */
export function routeTargets(routes: readonly RouteOptions[]): RouteTarget[] {
  const targets: RouteTarget[] = []
  for (const route of routes) {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) {
      if (method === 'HEAD' || route.url.includes('*')) continue
      const schema = (route.schema ?? {}) as Record<string, JsonSchema | undefined>
      targets.push({
        method,
        url: route.url,
        params: schema.params,
        querystring: schema.querystring,
        body: schema.body,
      })
    }
  }
  const endsSession = (target: RouteTarget) =>
    target.method === 'DELETE' && /session$/.test(target.url)
  return [...targets.filter((t) => !endsSession(t)), ...targets.filter(endsSession)]
}

/** A value the schema accepts (ids from `ids` where the field's name says which). */
export function sample(schema: JsonSchema, name: string, ids: Record<string, number>): unknown {
  if (schema.const !== undefined) return schema.const
  if (schema.anyOf) {
    const first = schema.anyOf.find((option) => option.type !== 'null') ?? schema.anyOf[0]
    return first ? sample(first, name, ids) : null
  }
  if (schema.allOf) {
    return Object.assign({}, ...schema.allOf.map((part) => sample(part, name, ids)))
  }
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [
          key,
          sample(value, key, ids),
        ]),
      )
    case 'array':
      return schema.items ? [sample(schema.items, name, ids)] : []
    case 'integer':
    case 'number':
      return ids[name] ?? schema.minimum ?? 1
    case 'boolean':
      return false
    case 'null':
      return null
    default:
      return sampleString(schema)
  }
}

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'email') return 'fuzz@example.test'
  if (schema.format === 'date') return '2020-01-01'
  const candidates = ['fuzz-text', '09:00', '2020-01-01', 'email']
  if (!schema.pattern) return candidates[0] ?? ''
  const pattern = new RegExp(schema.pattern)
  return candidates.find((candidate) => pattern.test(candidate)) ?? 'fuzz-text'
}

/** A request the target's schemas accept: its path params, query string and body sampled. */
export function validRequest(target: RouteTarget, ids: Record<string, number>) {
  const params = (target.params ? sample(target.params, '', ids) : {}) as Record<string, unknown>
  const query = (target.querystring ? sample(target.querystring, '', ids) : {}) as Record<
    string,
    unknown
  >
  const path = target.url.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(String(params[name] ?? ids[name] ?? 1)),
  )
  const search = new URLSearchParams(
    Object.entries(query).map(([name, value]) => [name, String(value)]),
  ).toString()
  const body = target.body ? sample(target.body, '', ids) : undefined
  return {
    method: target.method,
    url: search ? `${path}?${search}` : path,
    ...(body === undefined ? {} : { payload: body as object }),
  }
}
