import net from 'node:net'
import path from 'node:path'
import type { S3Location } from './platform/files/s3.ts'

/** STRIPE_* settings; host/port/protocol only to point the adapter at a local stand-in (tests). */
export interface StripeSettings {
  secretKey: string
  publishableKey: string
  webhookSecret: string
  host?: string
  port?: number
  protocol?: 'http' | 'https'
  timeoutMs?: number
  maxNetworkRetries?: number
}

/** Every environment variable Bitewing reads, parsed and typed in one place. */
export interface Config {
  /** `development` (or NODE_ENV unset) relaxes the Secure cookie flag; the rest are production-like. */
  env: 'development' | 'production' | 'test'
  host: string
  port: number
  /** Where the embedded database and stored files live. */
  dataDir: string
  /**
   * Where statements, documents, images and summaries are stored: `files` in `dataDir`, or an
   * S3-compatible bucket (FILES_URL=s3://bucket/prefix) that several instances share.
   */
  files: FilesLocation
  /** PostgreSQL connection string; when absent, the embedded database (PGlite) in `dataDir` is used. */
  databaseUrl: string | undefined
  /** The address patients use, printed in access letters and emails. */
  publicUrl: string
  smtpUrl: string | undefined
  /** SMTP relay for Direct (secure health messaging) addresses: the practice's HISP. */
  directSmtpUrl: string | undefined
  mailFrom: string
  /**
   * Create the demo practice when the database is empty. Only asked for, except when trying
   * Bitewing out: development on the embedded database. Refused in production.
   */
  demo: boolean
  logLevel: string
  /** Folder holding the built web app. */
  webDist: string
  /**
   * Which proxies' X-Forwarded-For entries to believe for the client address (throttling, audit):
   * none (`false`), the nearest N hops, or the hops at these addresses and ranges. Never "all":
   * the left-most entry is whatever the client wrote.
   */
  trustProxy: TrustProxy
  /** Keep patient reads in memory until the rows they came from change (docs/decisions.md). */
  readCache: boolean
  /** How long a claimed background job stays one instance's without renewal (docs/decisions.md). */
  jobLeaseSeconds: number
  /** How many background jobs one instance runs at once. */
  jobConcurrency: number
  /** How long an SMTP conversation waits for the server at each step before giving up. */
  smtpTimeoutSeconds: number
  /**
   * Seals the secrets queued emails carry until they are sent (at least 32 characters). Unset:
   * a key made once in `dataDir` (server/platform/mail/secrets.ts).
   */
  secretKey: string | undefined
  /** Days an acknowledged sync event is kept before the retention job deletes it. */
  syncEventRetentionDays: number
  /** Requests per sync API key: on average per second, and at most at once. */
  syncRateLimit: { perSecond: number; burst: number }
  /** STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_WEBHOOK_SECRET: all three, or none. */
  stripe: StripeSettings | undefined
}

export type FilesLocation = { kind: 'folder' } | ({ kind: 's3' } & S3Location)

export type TrustProxy = false | number | string[]

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = parsePort(env.PORT ?? '3000')
  const host = env.HOST ?? '0.0.0.0'
  const mode =
    env.NODE_ENV === 'production' || env.NODE_ENV === 'test' ? env.NODE_ENV : 'development'
  const databaseUrl = emptyToUndefined(env.DATABASE_URL)
  return {
    env: mode,
    host,
    port,
    dataDir: path.resolve(emptyToUndefined(env.DATA_DIR) ?? 'data'),
    files: parseFilesUrl(env),
    databaseUrl,
    publicUrl: stripSlash(env.PUBLIC_URL ?? `http://localhost:${port}`),
    smtpUrl: emptyToUndefined(env.SMTP_URL),
    directSmtpUrl: emptyToUndefined(env.DIRECT_SMTP_URL),
    mailFrom: env.MAIL_FROM ?? 'Bitewing <no-reply@bitewing.local>',
    demo: parseDemo(emptyToUndefined(env.DEMO), mode, databaseUrl),
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: path.resolve(env.WEB_DIST ?? 'dist/web'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY ?? ''),
    readCache: parseBoolean('READ_CACHE', env.READ_CACHE ?? 'true'),
    jobLeaseSeconds: parsePositive('JOB_LEASE_SECONDS', env.JOB_LEASE_SECONDS ?? '60'),
    jobConcurrency: Math.ceil(parsePositive('JOB_CONCURRENCY', env.JOB_CONCURRENCY ?? '4')),
    smtpTimeoutSeconds: parsePositive('SMTP_TIMEOUT_SECONDS', env.SMTP_TIMEOUT_SECONDS ?? '20'),
    secretKey: parseSecretKey(emptyToUndefined(env.SECRET_KEY)),
    syncEventRetentionDays: parsePositive(
      'SYNC_EVENT_RETENTION_DAYS',
      env.SYNC_EVENT_RETENTION_DAYS ?? '30',
    ),
    syncRateLimit: {
      perSecond: parsePositive('SYNC_RATE_PER_SECOND', env.SYNC_RATE_PER_SECOND ?? '50'),
      burst: Math.ceil(parsePositive('SYNC_RATE_BURST', env.SYNC_RATE_BURST ?? '50')),
    },
    stripe: parseStripe(env),
  }
}

function parseStripe(env: NodeJS.ProcessEnv): StripeSettings | undefined {
  const secretKey = emptyToUndefined(env.STRIPE_SECRET_KEY)
  const publishableKey = emptyToUndefined(env.STRIPE_PUBLISHABLE_KEY)
  const webhookSecret = emptyToUndefined(env.STRIPE_WEBHOOK_SECRET)
  if (!secretKey && !publishableKey && !webhookSecret) return undefined
  if (!secretKey || !publishableKey || !webhookSecret) {
    throw new ConfigError(
      'Stripe needs STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET together.',
    )
  }
  return { secretKey, publishableKey, webhookSecret }
}

/**
 * FILES_URL: unset for the data folder, or `s3://bucket/prefix` with the usual AWS variables:
 * AWS_REGION (or AWS_DEFAULT_REGION), AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the SDK's
 * own profile and role chain), and AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL for an S3-compatible
 * server (MinIO, Ceph, Garage…), which is then addressed path-style.
 */
function parseFilesUrl(env: NodeJS.ProcessEnv): FilesLocation {
  const value = emptyToUndefined(env.FILES_URL)
  if (value === undefined) return { kind: 'folder' }
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(value.trim())
  if (!match?.[1]) {
    throw new ConfigError(
      `FILES_URL must be s3://bucket or s3://bucket/prefix (or unset for the data folder), not "${value}".`,
    )
  }
  const accessKeyId = emptyToUndefined(env.AWS_ACCESS_KEY_ID)
  const secretAccessKey = emptyToUndefined(env.AWS_SECRET_ACCESS_KEY)
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new ConfigError('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together.')
  }
  const sessionToken = emptyToUndefined(env.AWS_SESSION_TOKEN)
  return {
    kind: 's3',
    bucket: match[1],
    prefix: (match[2] ?? '').replace(/^\/+|\/+$/g, ''),
    region:
      emptyToUndefined(env.AWS_REGION) ?? emptyToUndefined(env.AWS_DEFAULT_REGION) ?? 'us-east-1',
    endpoint: emptyToUndefined(env.AWS_ENDPOINT_URL_S3) ?? emptyToUndefined(env.AWS_ENDPOINT_URL),
    credentials:
      accessKeyId && secretAccessKey
        ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) }
        : undefined,
  }
}

function parseDemo(value: string | undefined, mode: Config['env'], databaseUrl?: string) {
  if (value === undefined) return mode === 'development' && databaseUrl === undefined
  const demo = parseBoolean('DEMO', value)
  if (demo && mode === 'production') {
    throw new ConfigError(
      'DEMO=true is refused when NODE_ENV=production: the demo practice has published passwords. Unset DEMO, or unset NODE_ENV to try Bitewing out.',
    )
  }
  return demo
}

/**
 * Session cookies are `Secure` outside development (DESIGN: sessions), and in development too
 * when patients reach the portal over https: a cookie sent over plain http there could be read.
 */
export function secureCookies(config: Pick<Config, 'env' | 'publicUrl'>): boolean {
  return config.env !== 'development' || /^https:/i.test(config.publicUrl)
}

function parseSecretKey(value: string | undefined): string | undefined {
  if (value !== undefined && value.length < 32) {
    throw new ConfigError('SECRET_KEY must be at least 32 characters (openssl rand -base64 32).')
  }
  return value
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a number from 0 to 65535, not "${value}".`)
  }
  return port
}

function parsePositive(name: string, value: string): number {
  const number = Number(value)
  if (!Number.isFinite(number) || number <= 0) {
    throw new ConfigError(`${name} must be a number greater than 0, not "${value}".`)
  }
  return number
}

function parseBoolean(name: string, value: string): boolean {
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false
  throw new ConfigError(`${name} must be true or false, not "${value}".`)
}

// Names @fastify/proxy-addr knows for whole families of private addresses.
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal']

/**
 * `TRUST_PROXY`: off, a number of proxy hops, or the proxies' addresses and CIDR ranges. `true`
 * is refused: Fastify would then take the left-most X-Forwarded-For entry, which any client can
 * write, and every throttle and audit row would believe it.
 */
export function parseTrustProxy(value: string): TrustProxy {
  const trimmed = value.trim().toLowerCase()
  if (['', '0', 'false', 'no', 'off'].includes(trimmed)) return false
  if (['true', 'yes', 'on'].includes(trimmed)) {
    throw new ConfigError(
      'TRUST_PROXY=true would let any client choose its own address through X-Forwarded-For. ' +
        'Give the number of proxies in front of Bitewing (TRUST_PROXY=1) or their addresses ' +
        '(TRUST_PROXY=127.0.0.1 or 10.0.0.0/8, comma-separated).',
    )
  }
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const entries = trimmed.split(',').map((entry) => entry.trim())
  for (const entry of entries) {
    if (!isProxyAddress(entry)) {
      throw new ConfigError(
        `TRUST_PROXY must be false, a number of proxy hops, or proxy addresses and ranges (e.g. 10.0.0.0/8), not "${entry}".`,
      )
    }
  }
  return entries
}

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true
  const [address = '', prefix, ...rest] = entry.split('/')
  const family = net.isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  const bits = Number(prefix)
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128)
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value
}

function stripSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url
}
