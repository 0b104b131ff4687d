import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../platform/db/database.ts'
import type { SecretBox } from '../../platform/mail/secrets.ts'
import { requireSyncKey } from '../auth.ts'
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

/**
 * The sync API's event feed and webhook setting, registered under /api/sync/v1: what happened
 * in the portal, pulled in order and acknowledged by cursor (docs/sync-api.md).
 */
export const syncEventRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  secrets: SecretBox
}> = async (app, { db, secrets }) => {
  app.get(
    '/events',
    { schema: { querystring: EventsQuery, response: { 200: EventsPage } } },
    async (request) => readEventFeed(db, await requireSyncKey(db, request), request.query),
  )

  app.post(
    '/events/ack',
    { schema: { body: AckBody, response: { 200: AckResult } } },
    async (request) =>
      acknowledgeEventFeed(db, await requireSyncKey(db, request), request.body.cursor),
  )

  app.get('/webhook', { schema: { response: { 200: WebhookView } } }, async (request) =>
    readWebhook(db, await requireSyncKey(db, request)),
  )

  app.put(
    '/webhook',
    { schema: { body: WebhookBody, response: { 200: WebhookCreated } } },
    async (request) => setWebhook(db, secrets, await requireSyncKey(db, request), request.body.url),
  )

  app.delete('/webhook', async (request, reply) => {
    await deleteWebhook(db, await requireSyncKey(db, request))
    return reply.status(204).send()
  })
}
