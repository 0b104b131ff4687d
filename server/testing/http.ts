import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { type AppDependencies, buildApp } from '../app.ts'
import type { Config } from '../config.ts'
import type { DatabaseHandle } from '../platform/db/database.ts'
import { startReadCache } from '../platform/db/read-cache.ts'
import { LocalFileStorage } from '../platform/files/storage.ts'
import { createSecretBox } from '../platform/mail/secrets.ts'

export const TEST_ORIGIN = 'http://localhost:3000'

/**
 * The whole app over a test database, with a throwaway files folder and no built web app. Reads
 * are kept in memory as in production, so every test also checks that changes drop them.
 */
export async function buildTestApp(
  database: DatabaseHandle,
  options: Pick<AppDependencies, 'onRoute' | 'syncRateLimit' | 'paymentProcessors'> & {
    trustProxy?: Config['trustProxy']
    stripe?: Config['stripe']
  } = {},
) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-test-'))
  const files = new LocalFileStorage(path.join(root, 'files'))
  const reads = await startReadCache(database)
  // A background worker that sends the app's emails needs the same box (createBackgroundWorker).
  const secrets = createSecretBox(randomBytes(32))
  const app = await buildApp({
    config: {
      env: 'test',
      publicUrl: TEST_ORIGIN,
      logLevel: 'silent',
      webDist: path.join(root, 'web'),
      trustProxy: options.trustProxy ?? false,
      ...(options.stripe ? { stripe: options.stripe } : {}),
    },
    db: database.db,
    files,
    reads,
    secrets,
    logging: false,
    ...options,
    // Tests call the sync API back to back, faster than a PMS is allowed to on a quick machine;
    // the limit itself is tested with its own small one (server/sync/rate-limit.test.ts).
    syncRateLimit: options.syncRateLimit ?? { perSecond: 100_000, burst: 100_000 },
  })
  return {
    app,
    files,
    reads,
    secrets,
    async close() {
      await app.close()
      await reads.stop()
      await fs.rm(root, { recursive: true, force: true })
    },
  }
}

/** The `name=value` of a Set-Cookie header, ready to send back as a Cookie header. */
export function cookieFrom(response: LightMyRequestResponse, name: string): string {
  const header = response.headers['set-cookie']
  const all = Array.isArray(header) ? header : header ? [header] : []
  const found = all.find((cookie) => cookie.startsWith(`${name}=`))
  if (!found) throw new Error(`No ${name} cookie in the response`)
  return found.split(';')[0] ?? ''
}

/** A password sign-in to the portal or the office, as its page sends it; throws unless it succeeds. */
async function passwordSignIn(
  app: FastifyInstance,
  area: 'portal' | 'office',
  username: string,
  password: string,
) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/${area}/session`,
    headers: { origin: TEST_ORIGIN },
    payload: { username, password },
  })
  if (response.statusCode !== 200) {
    throw new Error(
      `${area} sign-in of ${username} failed: ${response.statusCode} ${response.body}`,
    )
  }
  return response
}

/** A patient signed in with a password: the session cookie, and the session view the page gets. */
export async function portalSession(app: FastifyInstance, username: string, password: string) {
  const response = await passwordSignIn(app, 'portal', username, password)
  return { cookie: cookieFrom(response, 'bitewing_portal'), view: response.json() }
}

export async function portalSignIn(app: FastifyInstance, username: string, password: string) {
  return (await portalSession(app, username, password)).cookie
}

/** A staff member signed in with a password: the session cookie, and the session view. */
export async function officeSession(app: FastifyInstance, username: string, password: string) {
  const response = await passwordSignIn(app, 'office', username, password)
  return { cookie: cookieFrom(response, 'bitewing_office'), view: response.json() }
}

export async function officeSignIn(app: FastifyInstance, username: string, password: string) {
  return (await officeSession(app, username, password)).cookie
}

/** A POST as the app's own pages send it: with their Origin, and a session cookie if given. */
export function browserPost(app: FastifyInstance, url: string, payload: object, cookie?: string) {
  return app.inject({
    method: 'POST',
    url,
    payload,
    headers: { origin: TEST_ORIGIN, ...(cookie ? { cookie } : {}) },
  })
}
