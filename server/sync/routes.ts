import type { FastifyInstance, FastifyPluginAsync, FastifyRequest, RouteOptions } from 'fastify'
import { recordAudit } from '../platform/audit/audit.ts'
import type { Database } from '../platform/db/database.ts'
import type { FileStorage } from '../platform/files/storage.ts'
import { NotFound } from '../platform/http/problems.ts'
import type { SecretBox } from '../platform/mail/secrets.ts'
import { applyBatch, auditSyncCall, deleteRow, putRow } from './apply.ts'
import { requireSyncKey, syncKeyOf } from './auth.ts'
import type { SyncCollection } from './collection.ts'
import { syncCollections } from './collections/index.ts'
import { syncContext } from './context.ts'
import { DOCS_STYLESHEET, docsPage } from './docs-page.ts'
import { openApiDocument } from './openapi.ts'
import {
  DEFAULT_SYNC_RATE_LIMIT,
  type SyncRateLimit,
  TooManyRequests,
  takeToken,
} from './rate-limit.ts'
import { BatchRequest, BatchResult, ExternalIdParams, ProblemDetails } from './schemas.ts'
import { strictValidatorCompiler } from './validate.ts'

export const SYNC_PREFIX = '/api/sync/v1'
export const SYNC_DOCS = '/api/sync/docs'
const OPENAPI_URL = `${SYNC_PREFIX}/openapi.json`

/**
 * Documents travel base64-encoded inside the JSON (a third larger than the file); the rest of the
 * app keeps Fastify's 1 MiB.
 */
export const SYNC_BODY_LIMIT = 32 * 1024 * 1024

/** What the sync API's routes, and routes added to it, are given. */
export interface SyncRouteOptions {
  db: Database
  files: FileStorage
  /** The app's secret box (webhook secrets are sealed with it). */
  secrets: SecretBox
  /** The patient portal's address (`PUBLIC_URL/`), for message notifications. */
  portalUrl: string
}

export interface SyncApiOptions extends SyncRouteOptions {
  rateLimit?: SyncRateLimit
  /**
   * More routes under /api/sync/v1 (the event feed): authenticated, rate-limited and audited
   * like the collections', and described in the OpenAPI document from their route schemas.
   */
  extensions?: FastifyPluginAsync<SyncRouteOptions>[]
}

/** How a route names itself in the audit log (`sync.put`, with its collection). */
interface SyncRouteConfig {
  syncOperation?: string
  syncCollection?: string
}

const PROBLEM_RESPONSES = { '4xx': ProblemDetails }

/** Calls whose command wrote their audit row in its own transaction. */
const auditedByCommand = new WeakSet<FastifyRequest>()

/** For routes added to the API whose command audits the call itself (the event feed). */
export function auditedInCommand(request: FastifyRequest) {
  auditedByCommand.add(request)
}

export const syncApi: FastifyPluginAsync<SyncApiOptions> = async (app, options) => {
  const { db, files, secrets, portalUrl } = options
  const described: RouteOptions[] = []
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(SYNC_PREFIX) && route.url !== OPENAPI_URL) described.push(route)
  })
  let document: object | undefined
  const openApi = () => {
    document ??= openApiDocument(described, { collections: syncCollections })
    return document
  }
  app.get(OPENAPI_URL, async () => openApi())
  app.get(SYNC_DOCS, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(docsPage(openApi())),
  )
  app.get(`${SYNC_DOCS}/docs.css`, async (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'max-age=3600')
      .send(DOCS_STYLESHEET),
  )

  await app.register(async (keyed) => {
    registerKeyChecks(keyed, db, options.rateLimit ?? DEFAULT_SYNC_RATE_LIMIT)
    registerCollectionRoutes(keyed, { db, files, secrets, portalUrl })
    for (const extension of options.extensions ?? []) {
      await keyed.register(extension, { prefix: SYNC_PREFIX, db, files, secrets, portalUrl })
    }
  })
}

/**
 * Before the body is read: the key (401), then its rate (429 with Retry-After). After the
 * answer: one audit row per call, unless its command wrote one with the change.
 */
function registerKeyChecks(app: FastifyInstance, db: Database, limit: SyncRateLimit) {
  app.addHook('onRequest', async (request, reply) => {
    try {
      const holder = await requireSyncKey(db, request)
      await takeToken(db, holder.keyId, limit)
    } catch (error) {
      if (error instanceof TooManyRequests) {
        reply.header('retry-after', String(error.retryAfterSeconds))
      }
      throw error
    }
  })
  app.addHook('onResponse', async (request, reply) => {
    if (auditedByCommand.has(request)) return
    const config = request.routeOptions.config as SyncRouteConfig
    const operation = config.syncOperation ?? `${request.method} ${request.routeOptions.url ?? ''}`
    const failed = reply.statusCode >= 400
    const caller = syncKeyOf(request)
    if (!caller) {
      await recordAudit(db, {
        practiceId: null,
        actor: { type: 'anonymous' },
        action: 'sync.unauthenticated',
        outcome: 'failure',
        ip: request.ip,
        details: { operation, status: reply.statusCode },
      })
      return
    }
    await auditSyncCall(
      db,
      caller,
      operation,
      { collection: config.syncCollection, status: reply.statusCode },
      failed ? 'failure' : 'success',
    )
  })
}

function registerCollectionRoutes(app: FastifyInstance, deps: SyncRouteOptions) {
  for (const collection of syncCollections) registerCollection(app, deps, collection)

  app.route({
    method: 'POST',
    url: `${SYNC_PREFIX}/batch`,
    bodyLimit: SYNC_BODY_LIMIT,
    validatorCompiler: strictValidatorCompiler,
    config: { syncOperation: 'batch' } satisfies SyncRouteConfig,
    schema: {
      summary: 'Apply up to 1,000 puts and deletes, all or nothing',
      tags: ['batch'],
      body: BatchRequest,
      response: { 200: BatchResult, ...PROBLEM_RESPONSES },
    },
    handler: async (request) => {
      const { operations } = request.body as { operations: Parameters<typeof applyBatch>[2] }
      const result = await applyBatch(deps, await requireSyncKey(deps.db, request), operations)
      auditedByCommand.add(request)
      return result
    },
  })
}

function registerCollection(
  app: FastifyInstance,
  deps: SyncRouteOptions,
  collection: SyncCollection,
) {
  const url = `${SYNC_PREFIX}/${collection.name}/:externalId`
  const common = {
    url,
    validatorCompiler: strictValidatorCompiler,
  }
  const config = (syncOperation: string): SyncRouteConfig => ({
    syncOperation,
    syncCollection: collection.name,
  })
  const tags = [collection.name]
  const externalIdOf = (request: FastifyRequest) =>
    (request.params as { externalId: string }).externalId

  app.route({
    ...common,
    method: 'PUT',
    bodyLimit: SYNC_BODY_LIMIT,
    config: config('put'),
    schema: {
      summary: `Create or replace one of ${collection.name} by its external id`,
      description:
        'Idempotent: sending what is stored writes nothing and answers the same. The Sync-Outcome header says created, updated or unchanged. Fields left out are cleared.',
      tags,
      params: ExternalIdParams,
      body: collection.schema,
      response: { 200: collection.schema, ...PROBLEM_RESPONSES },
    },
    handler: async (request, reply) => {
      const holder = await requireSyncKey(deps.db, request)
      const { outcome, stored } = await putRow(
        deps,
        holder,
        collection,
        externalIdOf(request),
        request.body as never,
      )
      auditedByCommand.add(request)
      return reply.header('sync-outcome', outcome).send(stored)
    },
  })

  app.route({
    ...common,
    method: 'GET',
    config: config('get'),
    schema: {
      summary: `Read one of ${collection.name} as stored`,
      tags,
      params: ExternalIdParams,
      response: { 200: collection.schema, ...PROBLEM_RESPONSES },
    },
    handler: async (request) => {
      const holder = await requireSyncKey(deps.db, request)
      const ctx = syncContext(deps.db, holder.practiceId, deps.files, deps.portalUrl)
      const stored = await collection.read(ctx, externalIdOf(request))
      if (!stored) throw new NotFound(`No ${collection.name} row has this external id.`)
      return stored
    },
  })

  app.route({
    ...common,
    method: 'DELETE',
    config: config('delete'),
    schema: {
      summary: `Delete one of ${collection.name}; the portal stops showing it`,
      description: 'Answers 204 whether it was there or not (Sync-Outcome: deleted or absent).',
      tags,
      params: ExternalIdParams,
      response: {
        204: { type: 'null', description: 'Deleted, or was not there' },
        ...PROBLEM_RESPONSES,
      },
    },
    handler: async (request, reply) => {
      const holder = await requireSyncKey(deps.db, request)
      const outcome = await deleteRow(deps, holder, collection, externalIdOf(request))
      auditedByCommand.add(request)
      return reply.status(204).header('sync-outcome', outcome).send()
    },
  })
}
