import { ConfigError } from './config.ts'
import { MigrationError } from './platform/db/migrate.ts'

interface SystemError {
  code?: string
  syscall?: string
  address?: string
  port?: number
  path?: string
}

export interface StartupContext {
  port: number
  dataDir: string
  databaseUrl: string | undefined
}

/**
 * Turns what stopped start-up into one line that says what is wrong and how to fix it, so a
 * newcomer is not left reading a stack trace. Returns undefined for errors we cannot explain.
 */
export function explainStartupError(error: unknown, context: StartupContext): string | undefined {
  if (error instanceof ConfigError) return `Configuration: ${error.message}`
  if (error instanceof MigrationError) {
    return `${error.message}. The database was left as it was before that migration.`
  }
  const system = findSystemError(error)
  if (!system) return undefined
  if (system.code === 'EADDRINUSE') {
    return `Port ${context.port} is already in use. Stop the program using it, or set PORT to a free port (PORT=3001 npm start).`
  }
  if (system.code === 'EACCES' && system.syscall === 'listen') {
    return `Not allowed to listen on port ${context.port}. Set PORT to a number above 1023.`
  }
  if (['EACCES', 'EPERM', 'EROFS', 'ENOTDIR'].includes(system.code ?? '')) {
    return `Cannot write to the data folder ${context.dataDir} (${system.code}). Set DATA_DIR to a writable folder, or fix its permissions.`
  }
  if (context.databaseUrl && isConnectionFailure(system.code)) {
    return `Cannot reach the PostgreSQL database at ${describeUrl(context.databaseUrl)} (${system.code}). Check DATABASE_URL, or start PostgreSQL; unset DATABASE_URL to use the embedded database.`
  }
  return undefined
}

function isConnectionFailure(code: string | undefined): boolean {
  return [
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    '28P01',
    '3D000',
  ].includes(code ?? '')
}

// Node wraps connection failures to several addresses in an AggregateError; pg adds `cause`.
function findSystemError(error: unknown): SystemError | undefined {
  if (!error || typeof error !== 'object') return undefined
  const candidate = error as SystemError & { errors?: unknown[]; cause?: unknown }
  if (typeof candidate.code === 'string') return candidate
  if (Array.isArray(candidate.errors)) return findSystemError(candidate.errors[0])
  if (candidate.cause) return findSystemError(candidate.cause)
  return undefined
}

/** The address without the password. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`
  } catch {
    return 'the configured address'
  }
}
