import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { requireSyncKey } from '../auth.ts'
import { auditedInCommand, type SyncRouteOptions } from '../routes.ts'
import { ProblemDetails } from '../schemas.ts'
import { acknowledgeEventFeed, readEventFeed } from './feed.ts'
import {
  AckBody,
  AckResult,
  EventsPage,
  EventsQuery,
  WebhookBody,
  WebhookCreated,
  WebhookView,
} from './schemas.ts'
import { deleteWebhook, readWebhook, setWebhook } from './webhook-settings.ts'

const PROBLEMS = { '4xx': ProblemDetails }

/**
 * The event feed and webhook setting, added to the sync API (server/sync/routes.ts registers
 * them under /api/sync/v1 behind its key check and rate limit): what happened in the portal,
 * pulled in order and acknowledged by cursor (docs/sync-api.md). The feed's commands write their
 * own audit rows (with counts), so the API's per-call row is skipped for them.
 */
export const syncEventRoutes: FastifyPluginAsyncTypebox<SyncRouteOptions> = async (
  app,
  { db, secrets },
) => {
  const key = (request: FastifyRequest) => {
    auditedInCommand(request)
    return requireSyncKey(db, request)
  }

  app.get(
    '/events',
    {
      schema: {
        summary: 'Events after a cursor, in order (from the first unacknowledged without one)',
        tags: ['events'],
        querystring: EventsQuery,
        response: { 200: EventsPage, ...PROBLEMS },
      },
    },
    async (request) => readEventFeed(db, await key(request), request.query),
  )

  app.post(
    '/events/ack',
    {
      schema: {
        summary: 'Acknowledge every event up to a cursor',
        tags: ['events'],
        body: AckBody,
        response: { 200: AckResult, ...PROBLEMS },
      },
    },
    async (request) => acknowledgeEventFeed(db, await key(request), request.body.cursor),
  )

  app.get(
    '/webhook',
    {
      schema: {
        summary: 'Where new events are announced (null: nowhere)',
        tags: ['events'],
        response: { 200: WebhookView, ...PROBLEMS },
      },
    },
    async (request) => readWebhook(db, await requireSyncKey(db, request)),
  )

  app.put(
    '/webhook',
    {
      schema: {
        summary: 'Announce new events to this address; answers the signing secret, once',
        tags: ['events'],
        body: WebhookBody,
        response: { 200: WebhookCreated, ...PROBLEMS },
      },
    },
    async (request) => setWebhook(db, secrets, await key(request), request.body.url),
  )

  app.delete(
    '/webhook',
    {
      schema: {
        summary: 'Stop announcing events',
        tags: ['events'],
        response: {
          204: { type: 'null', description: 'Removed, or there was none' },
          ...PROBLEMS,
        },
      },
    },
    async (request, reply) => {
      await deleteWebhook(db, await key(request))
      return reply.status(204).send(null)
    },
  )
}
