import { randomBytes } from 'node:crypto'
import compress from '@fastify/compress'
import cookie from '@fastify/cookie'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, {
  type FastifyInstance,
  type FastifyServerOptions,
  type RouteOptions,
} from 'fastify'
import { type Config, secureCookies, type TrustProxy } from './config.ts'
import { accessRoutes } from './office/access/routes.ts'
import { auditLogRoutes } from './office/audit-log/routes.ts'
import { codeSystemRoutes } from './office/code-systems/routes.ts'
import { outgoingEmailRoutes } from './office/outgoing-email/routes.ts'
import { officePaymentRoutes } from './office/payments/routes.ts'
import { settingsRoutes } from './office/settings/routes.ts'
import { setupRoutes } from './office/setup/routes.ts'
import { officePasskeyRoutes } from './office/signin/passkey-routes.ts'
import { officeSessionRoutes } from './office/signin/routes.ts'
import { officeSecondFactorRoutes } from './office/signin/second-factor-routes.ts'
import { staffRoutes } from './office/staff/routes.ts'
import { syncKeyRoutes } from './office/sync-keys/routes.ts'
import { webmailRoutes } from './office/webmail/routes.ts'
import { createOfficeGuard } from './platform/auth/office-guard.ts'
import { createPortalGuard } from './platform/auth/portal-guard.ts'
import { relyingParty } from './platform/auth/second-factor/passkeys.ts'
import type { Database } from './platform/db/database.ts'
import { NO_READ_CACHE, type ReadCache } from './platform/db/read-cache.ts'
import type { FileStorage } from './platform/files/storage.ts'
import { healthRoutes } from './platform/http/health.ts'
import { registerInputGuard } from './platform/http/input-guard.ts'
import { type LazySchemas, lazySchemas } from './platform/http/lazy-schemas.ts'
import { type LogDestination, loggerOptions } from './platform/http/logging.ts'
import { registerOriginCheck } from './platform/http/origin.ts'
import { handleError, handleFrameworkError } from './platform/http/problems.ts'
import { registerSecurityHeaders } from './platform/http/security.ts'
import { registerSettleWrites } from './platform/http/settle-writes.ts'
import { webAppRoutes } from './platform/http/web-app.ts'
import { createSecretBox, type SecretBox } from './platform/mail/secrets.ts'
import type { PaymentProcessors } from './portal/account/payments/processor.ts'
import { paymentProcessors } from './portal/account/payments/processors.ts'
import { publicPaymentRoutes } from './portal/account/payments/public-routes.ts'
import { paymentRoutes } from './portal/account/payments/routes.ts'
import { sandboxProcessorRoutes } from './portal/account/payments/sandbox-routes.ts'
import { stripeCardRoutes } from './portal/account/payments/stripe-card-routes.ts'
import { stripeWebhookRoutes } from './portal/account/payments/stripe-webhook.ts'
import { accountRoutes } from './portal/account/routes.ts'
import { appointmentRoutes } from './portal/appointments/routes.ts'
import { contactRoutes } from './portal/contact/routes.ts'
import { imageRoutes } from './portal/images/routes.ts'
import { messageRoutes } from './portal/messages/routes.ts'
import { planRoutes } from './portal/plan/routes.ts'
import { passkeySecurityRoutes } from './portal/security/passkey-routes.ts'
import { securityRoutes } from './portal/security/routes.ts'
import { portalPasskeySignInRoutes } from './portal/signin/passkey-routes.ts'
import { portalPasswordRoutes } from './portal/signin/password-routes.ts'
import { signInRoutes } from './portal/signin/routes.ts'
import { portalSecondFactorRoutes } from './portal/signin/second-factor-routes.ts'
import { portalSessionRoutes } from './portal/signin/session-routes.ts'
import { portalVerifyRoutes } from './portal/signin/verify-routes.ts'
import { summaryRoutes } from './portal/summary/routes.ts'
import { can } from './practice/staff-permissions.ts'
import { syncEventRoutes } from './sync/events/routes.ts'
import { syncPracticeRoutes } from './sync/practice/routes.ts'
import type { SyncRateLimit } from './sync/rate-limit.ts'
import { syncApi } from './sync/routes.ts'

export interface AppDependencies {
  config: Pick<Config, 'env' | 'publicUrl' | 'logLevel' | 'webDist' | 'trustProxy'> &
    Partial<Pick<Config, 'stripe'>>
  db: Database
  files: FileStorage
  /** Reads kept in memory until what they were read from changes; omitted: none are kept. */
  reads?: ReadCache
  /** Told of every route as it is registered (tests walk them all with hostile input). */
  onRoute?: (route: RouteOptions) => void
  /**
   * Seals the secrets emails carry until they are sent; the background worker must open them
   * with the same key. Omitted: a key of this app's own, so no other process can send them.
   */
  secrets?: SecretBox
  /** Requests per sync API key; omitted: the default (see server/sync/rate-limit.ts). */
  syncRateLimit?: SyncRateLimit
  /** Card processors by name (Portal Settings picks one); omitted: the sandbox only. */
  paymentProcessors?: PaymentProcessors
  /** Tests pass false to keep their output quiet, or a destination to read what is logged. */
  logging?: boolean | LogDestination
  /** Compiles the routes' schemas on first use; omitted: its own (tests pass one to inspect it). */
  schemas?: LazySchemas
}

/**
 * Fastify's trustProxy for our setting. A hop count becomes "trust the nearest N hops" (what
 * Fastify does with a number, which its types do not accept); never `true`, which would believe
 * the left-most X-Forwarded-For entry, the one a client writes.
 */
function fastifyTrustProxy(trust: TrustProxy) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust
}

/** Builds the whole HTTP app from its plugins. Nothing here touches the network or disk. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const logger: FastifyServerOptions['logger'] =
    deps.logging === false
      ? false
      : loggerOptions(
          deps.config.logLevel,
          typeof deps.logging === 'object' ? deps.logging : undefined,
        )
  const app = Fastify({
    logger,
    trustProxy: fastifyTrustProxy(deps.config.trustProxy),
    bodyLimit: 1_048_576,
    // A path that is not valid percent-encoding or is too long: problem+json like every 4xx.
    frameworkErrors: handleFrameworkError,
    // Each route's validators and serializers are compiled by its first request, not at start.
    schemaController: {
      compilersFactory: (deps.schemas ?? lazySchemas()).compilersFactory,
    },
  }).withTypeProvider<TypeBoxTypeProvider>()

  if (deps.onRoute) app.addHook('onRoute', deps.onRoute)
  app.setErrorHandler(handleError)
  registerSecurityHeaders(app, { https: deps.config.publicUrl.startsWith('https:') })
  // Responses only: browsers never send compressed bodies, and each request skips two hooks.
  await app.register(compress, { threshold: 1024, globalDecompression: false })
  await app.register(cookie)
  registerOriginCheck(app, deps.config.publicUrl)
  registerInputGuard(app)

  const { db } = deps
  const reads = deps.reads ?? NO_READ_CACHE
  registerSettleWrites(app, reads)
  const { publicUrl } = deps.config
  const secrets = deps.secrets ?? createSecretBox(randomBytes(32))
  const cookies = { secure: secureCookies(deps.config) }
  const rp = relyingParty(publicUrl)
  const portal = createPortalGuard(db, reads)
  const office = createOfficeGuard(db, can)

  await app.register(healthRoutes, { db })
  await app.register(signInRoutes, { db })
  await app.register(portalSessionRoutes, { db, guard: portal, cookies })
  await app.register(portalPasswordRoutes, { db, guard: portal, cookies, publicUrl })
  await app.register(portalVerifyRoutes, { db, guard: portal, cookies })
  await app.register(portalSecondFactorRoutes, { db, guard: portal, cookies, secrets })
  await app.register(securityRoutes, { db, guard: portal, secrets })
  await app.register(portalPasskeySignInRoutes, { db, guard: portal, cookies, rp })
  await app.register(passkeySecurityRoutes, { db, guard: portal, rp })
  await app.register(contactRoutes, { db, guard: portal })
  await app.register(appointmentRoutes, { db, guard: portal, reads })
  await app.register(accountRoutes, {
    db,
    guard: portal,
    reads,
    files: deps.files,
    paymentLinks: { secrets, publicUrl: deps.config.publicUrl },
  })
  const processors = deps.paymentProcessors ?? paymentProcessors(db, deps.config.stripe)
  await app.register(paymentRoutes, { db, guard: portal, processors })
  await app.register(publicPaymentRoutes, { db, processors, secrets, cookies })
  if (processors.sandbox) await app.register(sandboxProcessorRoutes, { db })
  if (deps.config.stripe) {
    await app.register(stripeWebhookRoutes, { db, processors, stripe: deps.config.stripe })
    await app.register(stripeCardRoutes, { stripe: deps.config.stripe })
  }
  await app.register(planRoutes, { db, guard: portal, reads })
  await app.register(imageRoutes, { db, guard: portal, reads, files: deps.files })
  await app.register(summaryRoutes, { db, guard: portal, files: deps.files })
  await app.register(messageRoutes, { db, guard: portal, files: deps.files })
  await app.register(setupRoutes, { db })
  await app.register(officeSessionRoutes, { db, guard: office, cookies })
  await app.register(officeSecondFactorRoutes, { db, guard: office, cookies, secrets })
  await app.register(officePasskeyRoutes, { db, guard: office, cookies, rp })
  await app.register(accessRoutes, { db, guard: office, publicUrl, secrets })
  await app.register(outgoingEmailRoutes, { db, guard: office })
  await app.register(officePaymentRoutes, { db, guard: office, processors })
  await app.register(settingsRoutes, { db, guard: office })
  await app.register(codeSystemRoutes, { db, guard: office })
  await app.register(staffRoutes, { db, guard: office })
  await app.register(syncKeyRoutes, { db, guard: office, secrets })
  await app.register(auditLogRoutes, { db, guard: office })
  await app.register(webmailRoutes, { db, guard: office, files: deps.files, publicUrl })
  await app.register(syncApi, {
    db,
    files: deps.files,
    secrets,
    portalUrl: `${publicUrl}/`,
    rateLimit: deps.syncRateLimit,
    extensions: [syncEventRoutes, syncPracticeRoutes],
  })
  // Not encapsulated: its not-found handler is the app's own (pages for the browser, JSON for /api).
  await webAppRoutes(app, { root: deps.config.webDist })
  return app
}
