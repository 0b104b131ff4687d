import path from 'node:path'
import { expect, it } from 'vitest'
import { ConfigError, loadConfig, secureCookies } from './config.ts'

it('runs on the embedded database in ./data on port 3000 with no configuration', () => {
  const config = loadConfig({})
  expect(config.port).toBe(3000)
  expect(config.dataDir).toBe(path.resolve('data'))
  expect(config.databaseUrl).toBeUndefined()
  expect(config.publicUrl).toBe('http://localhost:3000')
  expect(config.demo).toBe(true)
})

it('reads PORT, DATA_DIR, DATABASE_URL and PUBLIC_URL', () => {
  const config = loadConfig({
    PORT: '8080',
    DATA_DIR: '/var/lib/bitewing',
    DATABASE_URL: 'postgres://db/bitewing',
    PUBLIC_URL: 'https://portal.example.com/',
  })
  expect(config).toMatchObject({
    port: 8080,
    dataDir: '/var/lib/bitewing',
    databaseUrl: 'postgres://db/bitewing',
    publicUrl: 'https://portal.example.com',
  })
})

it('treats empty values as unset', () => {
  expect(loadConfig({ DATABASE_URL: ' ', DATA_DIR: '' })).toMatchObject({
    databaseUrl: undefined,
    dataDir: path.resolve('data'),
  })
})

it('refuses a port that is not a port number', () => {
  expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError)
  expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be a number/)
})

it('keeps patient reads in memory unless READ_CACHE says not to', () => {
  expect(loadConfig({}).readCache).toBe(true)
  expect(loadConfig({ READ_CACHE: 'false' }).readCache).toBe(false)
  expect(() => loadConfig({ READ_CACHE: 'sometimes' })).toThrow(/READ_CACHE must be true or false/)
})

it('reads the background job lease, concurrency and SMTP timeout, refusing nonsense', () => {
  expect(loadConfig({})).toMatchObject({
    jobLeaseSeconds: 60,
    jobConcurrency: 4,
    smtpTimeoutSeconds: 20,
  })
  expect(
    loadConfig({ JOB_LEASE_SECONDS: '5', JOB_CONCURRENCY: '2', SMTP_TIMEOUT_SECONDS: '0.5' }),
  ).toMatchObject({ jobLeaseSeconds: 5, jobConcurrency: 2, smtpTimeoutSeconds: 0.5 })
  expect(() => loadConfig({ JOB_LEASE_SECONDS: '0' })).toThrow(/JOB_LEASE_SECONDS must be/)
  expect(() => loadConfig({ JOB_CONCURRENCY: 'many' })).toThrow(/JOB_CONCURRENCY must be/)
  expect(() => loadConfig({ SMTP_TIMEOUT_SECONDS: '-1' })).toThrow(/SMTP_TIMEOUT_SECONDS/)
})

it('keeps acknowledged sync events 30 days unless SYNC_EVENT_RETENTION_DAYS says otherwise', () => {
  expect(loadConfig({}).syncEventRetentionDays).toBe(30)
  expect(loadConfig({ SYNC_EVENT_RETENTION_DAYS: '7' }).syncEventRetentionDays).toBe(7)
  expect(() => loadConfig({ SYNC_EVENT_RETENTION_DAYS: '0' })).toThrow(/SYNC_EVENT_RETENTION/)
})

it('creates the demo practice by default only in development on the embedded database', () => {
  expect(loadConfig({}).demo).toBe(true)
  expect(loadConfig({ NODE_ENV: 'development' }).demo).toBe(true)
  expect(loadConfig({ DATABASE_URL: 'postgres://db/bitewing' }).demo).toBe(false)
  expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false)
  expect(loadConfig({ NODE_ENV: 'test' }).demo).toBe(false)
  expect(loadConfig({ DATABASE_URL: 'postgres://db/bitewing', DEMO: 'true' }).demo).toBe(true)
  expect(loadConfig({ DEMO: 'false' }).demo).toBe(false)
})

it('refuses the demo practice in production', () => {
  expect(() => loadConfig({ NODE_ENV: 'production', DEMO: 'true' })).toThrow(ConfigError)
  expect(() => loadConfig({ NODE_ENV: 'production', DEMO: 'yes' })).toThrow(
    /DEMO=true is refused when NODE_ENV=production/,
  )
  expect(loadConfig({ NODE_ENV: 'production', DEMO: 'false' }).demo).toBe(false)
})

it('makes session cookies Secure outside development and whenever PUBLIC_URL is https', () => {
  expect(secureCookies(loadConfig({}))).toBe(false)
  expect(secureCookies(loadConfig({ PUBLIC_URL: 'https://portal.example.com' }))).toBe(true)
  expect(secureCookies(loadConfig({ PUBLIC_URL: 'HTTPS://portal.example.com' }))).toBe(true)
  expect(secureCookies(loadConfig({ NODE_ENV: 'production' }))).toBe(true)
  expect(secureCookies(loadConfig({ NODE_ENV: 'test' }))).toBe(true)
})

it('takes a SECRET_KEY of at least 32 characters', () => {
  expect(loadConfig({}).secretKey).toBeUndefined()
  expect(loadConfig({ SECRET_KEY: 'k'.repeat(32) }).secretKey).toBe('k'.repeat(32))
  expect(() => loadConfig({ SECRET_KEY: 'short' })).toThrow(/SECRET_KEY must be at least 32/)
})

it('takes the client address only from trusted proxy hops, and refuses TRUST_PROXY=true', () => {
  expect(loadConfig({}).trustProxy).toBe(false)
  expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false)
  expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2)
  expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,loopback' }).trustProxy).toEqual([
    '127.0.0.1',
    '10.0.0.0/8',
    '::1',
    'loopback',
  ])
  expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError)
  expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=1.*addresses/)
  expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY must be/)
  expect(() => loadConfig({ TRUST_PROXY: 'my-proxy' })).toThrow(/TRUST_PROXY must be/)
})
