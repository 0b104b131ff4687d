import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { Type } from 'typebox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../db/testing.ts'
import { LocalFileStorage } from '../files/storage.ts'
import { type CompilerFactories, fastifyCompilerFactories, lazySchemas } from './lazy-schemas.ts'
import { handleError } from './problems.ts'

const Thing = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 20 }),
  count: Type.Integer({ minimum: 0 }),
  tags: Type.Optional(Type.Array(Type.String())),
})
const Page = Type.Object({ page: Type.Integer({ minimum: 1, default: 1 }) })
const Saved = Type.Object({ id: Type.Integer(), name: Type.String(), page: Type.Integer() })

/** Fastify's compilers, counting what they build. */
function countingFactories() {
  const real = fastifyCompilerFactories()
  const built = { validators: 0, serializers: 0 }
  const factories: CompilerFactories = {
    buildValidator: (schemas, options) => {
      const compile = real.buildValidator(schemas, options)
      return (route) => {
        built.validators++
        return compile(route)
      }
    },
    buildSerializer: (schemas, options) => {
      const compile = real.buildSerializer(schemas, options)
      return (route) => {
        built.serializers++
        return compile(route)
      }
    },
  }
  return { factories, built }
}

/** Two routes with a body, a query string and a response schema, in an app like ours. */
async function appWith(options: Pick<FastifyServerOptions, 'schemaController'>) {
  const app = Fastify(options)
  app.setErrorHandler(handleError)
  await app.register(async (scope) => {
    scope.post(
      '/things',
      { schema: { body: Thing, querystring: Page, response: { 200: Saved } } },
      (request) => ({
        id: 7,
        ...(request.body as object),
        page: (request.query as { page: number }).page,
        // Not in the response schema: the serializer leaves it out.
        secret: 'not sent',
      }),
    )
    scope.put(
      '/things/:id',
      { schema: { body: Thing, params: Type.Object({ id: Type.Integer() }) } },
      () => ({}),
    )
  })
  await app.ready()
  return app
}

/** What a client sees of an answer. */
async function answer(app: FastifyInstance, url: string, payload: unknown) {
  const response = await app.inject({ method: 'POST', url, payload: payload as object })
  return {
    status: response.statusCode,
    type: response.headers['content-type'],
    body: response.body,
  }
}

describe('route schemas compiled on first use', () => {
  let eager: FastifyInstance
  let lazy: FastifyInstance
  const { factories, built } = countingFactories()
  const schemas = lazySchemas(factories)

  beforeAll(async () => {
    eager = await appWith({})
    lazy = await appWith({ schemaController: { compilersFactory: schemas.compilersFactory } })
  })
  afterAll(async () => {
    await eager.close()
    await lazy.close()
  })

  it('compiles nothing while the app starts', () => {
    expect(schemas.compiled()).toBe(0)
    expect(built).toEqual({ validators: 0, serializers: 0 })
  })

  it('answers every request as Fastify does when it compiles them all at start', async () => {
    const requests: [string, unknown][] = [
      ['/things?page=2', { name: 'Floss', count: 3, tags: ['a'] }],
      // Coerced from text and defaulted as before.
      ['/things?page=3', { name: 'Floss', count: '4' }],
      ['/things', { name: 'Floss', count: 0 }],
      ['/things?page=0', { name: 'Floss', count: 1 }],
      ['/things?page=x', { name: 'Floss', count: 1 }],
      ['/things', { name: '', count: -1 }],
      ['/things', { count: 1.5, tags: 'a' }],
      ['/things', null],
      ['/things', []],
    ]
    for (const [url, payload] of requests) {
      const expected = await answer(eager, url, payload)
      expect(await answer(lazy, url, payload), `${url} ${JSON.stringify(payload)}`).toEqual(
        expected,
      )
    }
    expect((await answer(lazy, '/things?page=2', { name: 'Floss', count: 3 })).body).toBe(
      '{"id":7,"name":"Floss","page":2}',
    )
    const refused = await answer(lazy, '/things', { name: '', count: -1 })
    expect(refused.status).toBe(400)
    expect(refused.type).toContain('application/problem+json')
  })

  it('compiled the route it was asked for, once, and not the other', () => {
    // The body, the query string and the 200 answer of POST /things; not PUT /things/:id.
    expect(built).toEqual({ validators: 2, serializers: 1 })
    expect(schemas.compiled()).toBe(3)
    schemas.compileAll()
    expect(built).toEqual({ validators: 4, serializers: 1 })
  })
})

describeEachDatabase('the app’s route schemas', (kind) => {
  let database: TestDatabase
  let app: FastifyInstance
  let root: string
  const schemas = lazySchemas()

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-schemas-'))
    const config = {
      env: 'test' as const,
      publicUrl: 'http://localhost:3000',
      logLevel: 'silent',
      webDist: path.join(root, 'web'),
      trustProxy: false as const,
    }
    const files = new LocalFileStorage(path.join(root, 'files'))
    app = await buildApp({ config, db: database.db, files, logging: false, schemas })
    await app.ready()
  })
  afterAll(async () => {
    await app.close()
    await database.destroy()
    await fs.rm(root, { recursive: true, force: true })
  })

  it('are compiled by the requests that need them, and every one compiles', async () => {
    expect(schemas.compiled()).toBe(0)
    const response = await app.inject({
      method: 'POST',
      url: '/api/portal/session',
      headers: { origin: 'http://localhost:3000' },
      payload: { username: '', password: 'x' },
    })
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-type']).toContain('application/problem+json')
    expect(response.json().errors).toEqual({ username: expect.any(String) })
    // The sign-in's body only: its answer was a refusal, which has no schema to compile.
    expect(schemas.compiled()).toBe(1)
    // A schema neither compiler accepts would have failed the start; now it fails here.
    schemas.compileAll()
    expect(schemas.compiled()).toBeGreaterThan(100)
  })
})
