import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, deleteJson, getJson, getJsonWithDate, postJson } from './api.ts'

function answer(status: number, body: unknown, contentType = 'application/json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return new Response(status === 204 ? null : text, {
    status,
    headers: { 'Content-Type': contentType },
  })
}

function stubFetch(response: Response | Error) {
  const fetch = vi.fn(async () => {
    if (response instanceof Error) throw response
    return response
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected the request to fail')
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('getJson', () => {
  it('returns the parsed body', async () => {
    stubFetch(answer(200, { name: 'Maple Grove Dental' }))
    await expect(getJson('/api/public/practice')).resolves.toEqual({ name: 'Maple Grove Dental' })
  })

  it('asks for JSON and sends cookies only to its own origin', async () => {
    const fetch = stubFetch(answer(200, {}))
    await getJson('/api/x')
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(new Headers(init.headers).get('Accept')).toContain('application/json')
    expect(init.credentials).toBe('same-origin')
  })
})

describe('postJson', () => {
  it('sends the body as JSON', async () => {
    const fetch = stubFetch(answer(204, ''))
    await expect(postJson('/api/portal/session', { username: 'ann' })).resolves.toBeUndefined()
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(path).toBe('/api/portal/session')
    expect(init.method).toBe('POST')
    expect(init.body).toBe('{"username":"ann"}')
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json')
  })
})

describe('errors', () => {
  it('turns problem+json into an ApiError with title, detail and field errors', async () => {
    const problem = {
      type: '/problems/invalid',
      title: 'Invalid request',
      status: 400,
      detail: 'Some fields are missing or not valid.',
      errors: { username: 'is required', ignored: 42 },
    }
    stubFetch(answer(400, problem, 'application/problem+json'))
    const error = await failureOf(postJson('/api/portal/session', {}))
    expect(error).toMatchObject({
      status: 400,
      type: '/problems/invalid',
      title: 'Invalid request',
      detail: 'Some fields are missing or not valid.',
      errors: { username: 'is required' },
      message: 'Some fields are missing or not valid.',
    })
  })

  it('keeps the status of a 404 problem', async () => {
    stubFetch(answer(404, { type: '/problems/not-found', title: 'Not found', status: 404 }))
    const error = await failureOf(postJson('/api/portal/session', {}))
    expect(error.status).toBe(404)
    expect(error.detail).toBeUndefined()
    expect(error.errors).toEqual({})
  })

  it('copes with an error page that is not JSON', async () => {
    stubFetch(answer(502, '<html>Bad gateway</html>', 'text/html'))
    const error = await failureOf(getJson('/api/x'))
    expect(error).toMatchObject({ status: 502, type: 'about:blank', detail: undefined })
  })

  it('copes with a JSON error body that is not a problem', async () => {
    stubFetch(answer(500, '[1,2]'))
    const error = await failureOf(getJson('/api/x'))
    expect(error).toMatchObject({ status: 500, type: 'about:blank' })
  })

  it('reports an unreachable server as status 0 with a sentence to show', async () => {
    stubFetch(new TypeError('Failed to fetch'))
    const error = await failureOf(getJson('/api/x'))
    expect(error.status).toBe(0)
    expect(error.detail).toMatch(/could not be reached/)
  })

  it('lets an abort through untouched', async () => {
    stubFetch(new DOMException('The operation was aborted.', 'AbortError'))
    await expect(getJson('/api/x')).rejects.toHaveProperty('name', 'AbortError')
  })
})

describe('getJsonWithDate', () => {
  it('returns the body and the server’s Date header', async () => {
    const response = new Response('{"ok":true}', {
      status: 200,
      headers: { 'Content-Type': 'application/json', Date: 'Fri, 07 Mar 2025 14:30:00 GMT' },
    })
    stubFetch(response)
    await expect(getJsonWithDate('/api/x')).resolves.toEqual({
      body: { ok: true },
      date: 'Fri, 07 Mar 2025 14:30:00 GMT',
    })
  })
})

describe('deleteJson', () => {
  it('sends a DELETE and resolves with nothing on 204', async () => {
    const fetch = stubFetch(answer(204, ''))
    await expect(deleteJson('/api/portal/session')).resolves.toBeUndefined()
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(init.method).toBe('DELETE')
  })
})
