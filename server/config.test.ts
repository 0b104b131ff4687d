import path from 'node:path'
import { expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

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
