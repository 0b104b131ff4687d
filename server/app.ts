import compress from '@fastify/compress'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Config } from './config.ts'
import type { Database } from './platform/db/database.ts'
import type { FileStorage } from './platform/files/storage.ts'
import { healthRoutes } from './platform/http/health.ts'
import { loggerOptions } from './platform/http/logging.ts'
import { handleError } from './platform/http/problems.ts'
import { registerSecurityHeaders } from './platform/http/security.ts'
import { webAppRoutes } from './platform/http/web-app.ts'
import { signInRoutes } from './portal/signin/routes.ts'

export interface AppDependencies {
  config: Pick<Config, 'publicUrl' | 'logLevel' | 'webDist'>
  db: Database
  files: FileStorage
  /** Tests pass false to keep their output quiet. */
  logging?: boolean
}

/** Builds the whole HTTP app from its plugins. Nothing here touches the network or disk. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const logger: FastifyServerOptions['logger'] =
    deps.logging === false ? false : loggerOptions(deps.config.logLevel)
  const app = Fastify({
    logger,
    trustProxy: true,
    bodyLimit: 1_048_576,
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setErrorHandler(handleError)
  await registerSecurityHeaders(app, { https: deps.config.publicUrl.startsWith('https:') })
  await app.register(compress, { threshold: 1024 })

  await app.register(healthRoutes, { db: deps.db })
  await app.register(signInRoutes, { db: deps.db })
  // Not encapsulated: its not-found handler is the app's own (pages for the browser, JSON for /api).
  await webAppRoutes(app, { root: deps.config.webDist })
  return app
}
