import type { RouteOptions } from 'fastify'
import type { SyncCollection } from './collection.ts'

/**
 * The OpenAPI 3.1 document of the sync API, generated from the routes as registered: their
 * TypeBox schemas (JSON Schema 2020-12, which OpenAPI 3.1 takes as is) are the ones that validate
 * the requests, so the document cannot drift from what the server accepts. Schemas with an `$id`
 * become named components.
 */
export function openApiDocument(
  routes: RouteOptions[],
  options: { collections: SyncCollection[] },
) {
  const components: Record<string, unknown> = {}
  const paths: Record<string, Record<string, unknown>> = {}
  const hoist = (schema: unknown) => hoistNamed(plain(schema), components)
  for (const route of routes) {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter(
      (method) => method !== 'HEAD',
    )
    const path = route.url.replace(/:(\w+)/g, '{$1}')
    const collection = options.collections.find((c) => path.endsWith(`/${c.name}/{externalId}`))
    for (const method of methods) {
      const schema = (route.schema ?? {}) as Record<string, unknown>
      const body = schema.body
      const example =
        collection?.example ??
        (path.endsWith('/batch') ? batchExample(options.collections) : undefined) ??
        (body as { examples?: unknown[] } | undefined)?.examples?.[0]
      paths[path] ??= {}
      ;(paths[path] as Record<string, unknown>)[method.toLowerCase()] = {
        operationId: operationId(method, path),
        summary: schema.summary,
        description: schema.description,
        tags: schema.tags,
        security: [{ bearer: [] }],
        parameters: [
          ...parameters(schema.params, 'path', hoist),
          ...parameters(schema.querystring, 'query', hoist),
        ],
        ...(body
          ? {
              requestBody: {
                required: true,
                content: {
                  'application/json': { schema: hoist(body), ...(example ? { example } : {}) },
                },
              },
            }
          : {}),
        responses: responses(schema.response as Record<string, unknown> | undefined, hoist),
      }
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bitewing sync API',
      version: '1',
      description:
        "How a practice-management system (PMS) puts its rows into Bitewing, keyed by the PMS's own ids, and learns what patients did in the portal.",
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A sync API key (bw_…)' },
      },
    },
  }
}

function operationId(method: string, path: string) {
  const words = path
    .replace(/^\/api\/sync\/v1\/?/, '')
    .split('/')
    .filter((part) => part && !part.startsWith('{'))
  return [method.toLowerCase(), ...words].join('_').replace(/[^A-Za-z0-9_]/g, '_')
}

function parameters(schema: unknown, where: 'path' | 'query', hoist: (s: unknown) => unknown) {
  const object = plain(schema) as { properties?: Record<string, unknown>; required?: string[] }
  return Object.entries(object?.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    schema: hoist(property),
  }))
}

function responses(response: Record<string, unknown> | undefined, hoist: (s: unknown) => unknown) {
  const answers: Record<string, unknown> = {}
  for (const [status, schema] of Object.entries(response ?? {})) {
    const body = plain(schema) as { type?: string; description?: string }
    const problem = status.startsWith('4') || status.startsWith('5')
    answers[status.toUpperCase()] = {
      description: body.description ?? (problem ? 'A problem (RFC 9457)' : 'Success'),
      ...(body.type === 'null'
        ? {}
        : {
            content: {
              [problem ? 'application/problem+json' : 'application/json']: {
                schema: hoist(schema),
              },
            },
          }),
    }
  }
  return answers
}

/** The initial load of every collection's example, parents first. */
function batchExample(collections: SyncCollection[]) {
  return {
    operations: collections.map((collection) => ({
      op: 'put',
      collection: collection.name,
      externalId: 'example',
      body: collection.example,
    })),
  }
}

/** A schema as JSON (TypeBox's symbol-keyed bookkeeping left behind). */
function plain(schema: unknown): unknown {
  return schema === undefined ? undefined : JSON.parse(JSON.stringify(schema))
}

/** Moves every named (`$id`) schema into components, leaving a `$ref` in its place. */
function hoistNamed(schema: unknown, components: Record<string, unknown>): unknown {
  if (Array.isArray(schema)) return schema.map((item) => hoistNamed(item, components))
  if (schema === null || typeof schema !== 'object') return schema
  const { $id, ...rest } = schema as Record<string, unknown>
  const inner = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, hoistNamed(value, components)]),
  )
  if (typeof $id !== 'string') return inner
  components[$id] = inner
  return { $ref: `#/components/schemas/${$id}` }
}
