import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import type { Config } from '../../config.ts'
import { seedPractice, seedStaff } from '../../testing/fixtures.ts'
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../db/testing.ts'
import { LocalFileStorage } from '../files/storage.ts'

describeEachDatabase('session cookies', (kind) => {
  let database: TestDatabase
  let root: string
  beforeAll(async () => {
    database = await createTestDatabase(kind)
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-cookies-'))
    const practiceId = await seedPractice(database.db)
    await seedStaff(database.db, { practiceId, username: 'admin', password: 'admin password 1' })
  })
  afterAll(async () => {
    await database.destroy()
    await fs.rm(root, { recursive: true, force: true })
  })

  /** The office session cookie a development server at `publicUrl` sets on sign-in. */
  async function sessionCookie(env: Config['env'], publicUrl: string) {
    const app = await buildApp({
      config: { env, publicUrl, logLevel: 'silent', webDist: root, trustProxy: false },
      db: database.db,
      files: new LocalFileStorage(path.join(root, 'files')),
      logging: false,
    })
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/api/office/session',
        headers: { origin: publicUrl },
        payload: { username: 'admin', password: 'admin password 1' },
      })
      expect(response.statusCode).toBe(200)
      return String(response.headers['set-cookie'])
    } finally {
      await app.close()
    }
  }

  it('are Secure whenever patients reach the portal over https, even in development', async () => {
    expect(await sessionCookie('development', 'https://portal.example.test')).toMatch(/; Secure/)
    expect(await sessionCookie('production', 'http://portal.example.test')).toMatch(/; Secure/)
    // Trying it out on http://localhost: a Secure cookie would never come back.
    expect(await sessionCookie('development', 'http://localhost:3000')).not.toMatch(/Secure/)
  })
})
