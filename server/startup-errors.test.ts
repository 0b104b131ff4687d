import { expect, it } from 'vitest'
import { ConfigError } from './config.ts'
import { MigrationError } from './platform/db/migrate.ts'
import { explainStartupError } from './startup-errors.ts'

const context = { port: 3000, dataDir: '/srv/bitewing', databaseUrl: undefined }

function systemError(code: string, syscall = 'connect') {
  return Object.assign(new Error(code), { code, syscall })
}

it('explains a port that is already in use', () => {
  expect(explainStartupError(systemError('EADDRINUSE', 'listen'), context)).toMatch(
    /^Port 3000 is already in use\..*set PORT/,
  )
})

it('explains an unreachable PostgreSQL without printing its password', () => {
  const message = explainStartupError(new AggregateError([systemError('ECONNREFUSED')]), {
    ...context,
    databaseUrl: 'postgres://bitewing:s3cret@db.internal:5433/portal',
  })
  expect(message).toContain('db.internal:5433/portal')
  expect(message).toContain('DATABASE_URL')
  expect(message).not.toContain('s3cret')
})

it('explains a data folder that cannot be written', () => {
  expect(explainStartupError(systemError('EACCES', 'mkdir'), context)).toMatch(
    /Cannot write to the data folder \/srv\/bitewing.*DATA_DIR/,
  )
})

it('explains bad configuration and failed migrations', () => {
  expect(explainStartupError(new ConfigError('PORT must be a number'), context)).toMatch(/PORT/)
  const migration = new MigrationError('0002_x.sql', new Error('syntax error'))
  expect(explainStartupError(migration, context)).toMatch(/0002_x\.sql.*left as it was/)
})

it('leaves errors it cannot explain to the caller', () => {
  expect(explainStartupError(new Error('something else'), context)).toBeUndefined()
})
