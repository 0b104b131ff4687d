import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from './app.ts'
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from './platform/db/testing.ts'
import { LocalFileStorage } from './platform/files/storage.ts'
import { securityHeaders } from './platform/http/security.ts'

async function makeWebDist() {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-web-'))
  await fs.mkdir(path.join(root, 'assets'))
  await fs.mkdir(path.join(root, 'office'))
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>Portal</title>')
  await fs.writeFile(path.join(root, 'office/index.html'), '<!doctype html><title>Office</title>')
  await fs.writeFile(path.join(root, 'assets/app-abc123.js'), `console.log(${'"x",'.repeat(2000)})`)
  return root
}

describeEachDatabase('the HTTP app', (kind) => {
  let database: TestDatabase
  let app: FastifyInstance
  let webDist: string

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    webDist = await makeWebDist()
    const config = {
      env: 'test' as const,
      publicUrl: 'http://localhost:3000',
      logLevel: 'silent',
      webDist,
      trustProxy: false as const,
    }
    const files = new LocalFileStorage(path.join(webDist, 'files'))
    app = await buildApp({ config, db: database.db, files, logging: false })
  })
  afterAll(async () => {
    await app.close()
    await database.destroy()
    await fs.rm(webDist, { recursive: true, force: true })
  })

  describe('health', () => {
    it('answers /healthz and /readyz while the database is reachable', async () => {
      expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' })
      expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready' })
    })
  })

  describe('errors', () => {
    it('answers unknown API paths with problem+json 404', async () => {
      const response = await app.inject('/api/nothing-here')
      expect(response.statusCode).toBe(404)
      expect(response.headers['content-type']).toContain('application/problem+json')
      expect(response.json()).toMatchObject({ type: '/problems/not-found', status: 404 })
    })

    it('says no practice exists yet instead of failing', async () => {
      const response = await app.inject('/api/public/practice')
      expect(response.statusCode).toBe(404)
      expect(response.json().detail).toMatch(/No practice/)
    })
  })

  describe('the public practice', () => {
    it('names the practice and its visible clinics, and offers Make payment where a clinic takes it', async () => {
      const practice = await database.db
        .insertInto('practices')
        .values({ name: 'Harbour Dental', slug: 'harbour' })
        .returning('id')
        .executeTakeFirstOrThrow()
      await database.db.insertInto('portal_settings').values({ practice_id: practice.id }).execute()
      await database.db
        .insertInto('clinics')
        .values([
          { practice_id: practice.id, name: 'Downtown', online_payments_enabled: true },
          { practice_id: practice.id, name: 'Closed', is_hidden: true },
        ])
        .execute()
      const response = await app.inject('/api/public/practice')
      expect(response.statusCode).toBe(200)
      expect(response.json()).toMatchObject({
        name: 'Harbour Dental',
        currency: 'USD',
        clinics: [{ name: 'Downtown' }],
        onlinePayments: true,
      })
    })
  })

  describe('security headers', () => {
    it('sends a strict Content-Security-Policy and no-sniff on every response', async () => {
      const response = await app.inject('/healthz')
      const csp = String(response.headers['content-security-policy'])
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['referrer-policy']).toBe('no-referrer')
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN')
      expect(response.headers['strict-transport-security']).toBeUndefined()
    })

    it('sends them on errors too, and over HTTPS asks browsers to stay on HTTPS', async () => {
      const problem = await app.inject('/api/portal/session')
      expect(problem.statusCode).toBe(401)
      expect(problem.headers['content-security-policy']).toContain("object-src 'none'")
      const https = securityHeaders({ https: true })
      expect(https['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
      expect(https['content-security-policy']).toMatch(/;upgrade-insecure-requests$/)
    })
  })

  describe('the web app', () => {
    it('serves hashed assets compressed and cached for a year', async () => {
      const response = await app.inject({
        url: '/assets/app-abc123.js',
        headers: { 'accept-encoding': 'gzip' },
      })
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-encoding']).toBe('gzip')
      expect(response.headers['cache-control']).toContain('immutable')
    })

    it('serves the portal page for client-side routes, revalidated on every visit', async () => {
      const response = await app.inject({ url: '/appointments', headers: { accept: 'text/html' } })
      expect(response.statusCode).toBe(200)
      expect(response.body).toContain('<title>Portal</title>')
      expect(response.headers['cache-control']).toBe('no-cache')
    })

    it('serves the office console under /office/', async () => {
      const response = await app.inject('/office/settings')
      expect(response.body).toContain('<title>Office</title>')
    })

    it('answers a missing asset with 404, not a page', async () => {
      const response = await app.inject('/assets/missing.js')
      expect(response.statusCode).toBe(404)
    })
  })
})
