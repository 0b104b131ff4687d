import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerInputGuard } from './input-guard.ts'
import { handleError } from './problems.ts'

describe('the input guard', () => {
  const app = Fastify()
  const reached: unknown[] = []

  beforeAll(async () => {
    app.setErrorHandler(handleError)
    registerInputGuard(app)
    app.post(
      '/echo/:id',
      {
        schema: {
          params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } } },
          querystring: {
            type: 'object',
            properties: { page: { type: 'integer', minimum: 1, maximum: 10 } },
          },
        },
      },
      async (request) => {
        reached.push(request.body)
        return { ok: true }
      },
    )
    await app.ready()
  })
  afterAll(() => app.close())

  const post = (payload: string, url = '/echo/1') =>
    app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } })

  it('refuses a NUL character anywhere, naming the field, before the route sees it', async () => {
    reached.length = 0
    const response = await post('{"note":{"lines":["fine","a\\u0000b"]}}')
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-type']).toContain('application/problem+json')
    expect(response.json().errors).toEqual({ 'note.lines.1': 'must not contain a NUL character' })
    expect((await post('{"a\\u0000":1}')).statusCode).toBe(400)
    expect((await app.inject({ method: 'POST', url: '/echo/1?q=%00' })).statusCode).toBe(400)
    expect(reached).toEqual([])
  })

  it('refuses half a surrogate pair and accepts a whole one', async () => {
    expect((await post('{"name":"\\ud83d"}')).statusCode).toBe(400)
    expect((await post('{"name":"x\\ude00"}')).statusCode).toBe(400)
    const whole = await post('{"name":"\\ud83d\\ude00 ok"}')
    expect(whole.statusCode).toBe(200)
  })

  it('refuses values nested deeper than 32 levels, however deep', async () => {
    expect((await post(`${'{"a":'.repeat(32)}1${'}'.repeat(32)}`)).statusCode).toBe(200)
    expect((await post(`${'{"a":'.repeat(33)}1${'}'.repeat(33)}`)).statusCode).toBe(400)
    expect((await post(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).statusCode).toBe(400)
  })

  it('refuses numbers that are not finite or not exact, even where the schema let them pass', async () => {
    expect((await app.inject({ method: 'POST', url: '/echo/1?page=Infinity' })).statusCode).toBe(
      400,
    )
    expect((await app.inject({ method: 'POST', url: '/echo/Infinity' })).statusCode).toBe(400)
    expect((await post('{"amount":1e400}')).statusCode).toBe(400)
    expect((await post('{"amount":9007199254740993}')).statusCode).toBe(400)
    expect((await post('{"amount":9007199254740991}')).statusCode).toBe(200)
  })
})
