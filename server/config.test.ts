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
