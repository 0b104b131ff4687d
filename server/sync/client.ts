/**
 * The sync API as the `npm run sync` commands call it: `Authorization: Bearer <key>`, JSON in and
 * out. Answers that may pass (429, 502–504, the network) are retried with a growing delay, Retry-
 * After honoured; every other answer is the caller's to read.
 */
export interface SyncClient {
  call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<SyncAnswer>
}

export interface SyncAnswer {
  status: number
  body: Record<string, unknown>
}

export class SyncUnreachable extends Error {}

const RETRYABLE = new Set([429, 502, 503, 504])

export function createSyncClient(options: {
  url: string
  key: string
  attempts?: number
  /** The first retry's delay; each next one doubles (tests shorten it). */
  retryMilliseconds?: number
}): SyncClient {
  const base = options.url.replace(/\/+$/, '')
  const attempts = options.attempts ?? 6
  const firstDelay = options.retryMilliseconds ?? 500
  return {
    async call(method, path, body) {
      let lastProblem = ''
      for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
          const response = await fetch(`${base}${path}`, {
            method,
            headers: {
              authorization: `Bearer ${options.key}`,
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: AbortSignal.timeout(120_000),
          })
          const text = await response.text()
          if (!RETRYABLE.has(response.status) || attempt === attempts) {
            return { status: response.status, body: text ? JSON.parse(text) : {} }
          }
          lastProblem = `HTTP ${response.status}`
          const retryAfter = Number(response.headers.get('retry-after'))
          await sleep(retryAfter > 0 ? retryAfter * 1000 : firstDelay * 2 ** (attempt - 1))
        } catch (error) {
          lastProblem = error instanceof Error ? error.message : String(error)
          if (attempt < attempts) await sleep(firstDelay * 2 ** (attempt - 1))
        }
      }
      throw new SyncUnreachable(`${base} did not answer (${lastProblem}).`)
    },
  }
}

function sleep(milliseconds: number) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds))
}
