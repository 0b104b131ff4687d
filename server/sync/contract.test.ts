import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../platform/db/testing.ts'
import { useTestApp } from '../testing/suite.ts'
import { findCollection } from './collections/index.ts'
import { syncClient } from './testing.ts'
import { fieldErrors } from './validate.ts'

interface Operation {
  requestBody?: { content: Record<string, { schema: { $ref?: string }; example?: unknown }> }
}
type Document = {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, { required?: string[] }> }
}

/**
 * Walks every path and method of the served OpenAPI document against the app: each is called
 * with a valid request (the documented example) and an invalid one (refused with a 4xx
 * problem+json, changing nothing). Collections are walked parents first for PUT and GET, and in
 * reverse for DELETE, so every example's references resolve.
 */
describeEachDatabase('sync API contract', (kind) => {
  const suite = useTestApp(kind)
  let client: Awaited<ReturnType<typeof syncClient>>
  let document: Document

  beforeAll(async () => {
    client = await syncClient(suite.app, suite.db, 'Contract Dental')
    document = (await suite.app.inject({ url: '/api/sync/v1/openapi.json' })).json()
  })

  function expectProblem(response: { statusCode: number; headers: Record<string, unknown> }) {
    expect(response.statusCode).toBeGreaterThanOrEqual(400)
    expect(response.statusCode).toBeLessThan(500)
    expect(String(response.headers['content-type'])).toContain('application/problem+json')
  }

  it('answers every documented operation: valid requests succeed, invalid ones change nothing', async () => {
    const all = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    )
    const called = new Set<string>()
    const done = (path: string, method: string) => called.add(`${method} ${path}`)
    const rows = all.filter(({ path }) => path.endsWith('/{externalId}'))
    const stored = new Map<string, unknown>()

    for (const { path, method, operation } of rows.filter((row) => row.method === 'put')) {
      const url = path.replace('{externalId}', 'example')
      const { example, schema } = operation.requestBody?.content['application/json'] ?? {}
      const valid = await client.call('PUT', url, example)
      expect(valid.statusCode, `${url}: ${valid.body}`).toBe(200)
      const collection = findCollection(path.split('/')[4] ?? '')
      expect(collection, path).toBeDefined()
      // What comes back is itself a valid body: a PMS can send it back unchanged.
      expect(fieldErrors(collection?.schema as never, valid.json())).toBeNull()
      stored.set(path, valid.json())

      const required = document.components.schemas[schema?.$ref?.split('/').pop() ?? '']?.required
      const field = required?.[0] ?? 'body'
      const { [field]: _, ...incomplete } = example as Record<string, unknown>
      const invalid = await client.call('PUT', url, incomplete)
      expectProblem(invalid)
      expect(invalid.json().errors, url).toHaveProperty(field)
      expect((await client.call('GET', url)).json()).toEqual(valid.json())
      done(path, method)
    }

    for (const { path, method } of rows.filter((row) => row.method === 'get')) {
      const valid = await client.call('GET', path.replace('{externalId}', 'example'))
      expect(valid.statusCode).toBe(200)
      expect(valid.json()).toEqual(stored.get(path))
      expectProblem(await client.call('GET', path.replace('{externalId}', 'not%20valid')))
      expectProblem(await client.call('GET', path.replace('{externalId}', 'never-sent')))
      done(path, method)
    }

    for (const { path, method, operation } of all.filter(
      (row) => !row.path.endsWith('/{externalId}'),
    )) {
      const example = operation.requestBody?.content['application/json']?.example
      const valid = await client.call(method.toUpperCase(), path, example)
      expect(valid.statusCode, `${method} ${path}: ${valid.body}`).toBeLessThan(300)
      if (path.endsWith('/batch')) {
        expect(valid.json().unchanged).toBe(valid.json().outcomes.length)
        expectProblem(await client.call('POST', path, { operations: [] }))
      }
      expectProblem(await client.call(method.toUpperCase(), path, example, 'bw_not-a-key'))
      done(path, method)
    }

    for (const { path, method } of rows.filter((row) => row.method === 'delete').reverse()) {
      const url = path.replace('{externalId}', 'example')
      expectProblem(await client.call('DELETE', path.replace('{externalId}', 'semi;colon')))
      expect((await client.call('GET', url)).statusCode).toBe(200)
      const valid = await client.call('DELETE', url)
      expect(valid.statusCode, `${url}: ${valid.body}`).toBe(204)
      expect((await client.call('GET', url)).statusCode).toBe(404)
      done(path, method)
    }

    expect([...called].sort()).toEqual(all.map(({ path, method }) => `${method} ${path}`).sort())
  }, 120_000)
})
