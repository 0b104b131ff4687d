import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { OfficeGuard } from '../../platform/auth/office-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import type { SecretBox } from '../../platform/mail/secrets.ts'
import { findWebhook } from '../../sync/events/queries.ts'
import { actingStaff } from '../staff-audit.ts'
import {
  createPracticeSyncKey,
  removePracticeWebhook,
  revokePracticeSyncKey,
  setPracticeWebhook,
} from './commands.ts'
import { listSyncKeys } from './queries.ts'
import {
  CreatedSyncKeyView,
  CreatedSyncWebhook,
  NewSyncKey,
  NewSyncWebhook,
  SyncKeyParams,
  SyncKeyView,
  SyncWebhookView,
} from './schemas.ts'
import { presentSyncKey } from './view.ts'

/** Sync API keys (administrators; the permission `sync-keys.manage`): create, list, revoke. */
export const syncKeyRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: OfficeGuard
  secrets: SecretBox
}> = async (app, { db, guard, secrets }) => {
  const administrator = (request: FastifyRequest) => actingStaff(guard, request, 'sync-keys.manage')

  app.get(
    '/api/office/sync-keys',
    { schema: { response: { 200: Type.Array(SyncKeyView) } } },
    async (request, reply) => {
      const actor = await administrator(request)
      reply.header('Cache-Control', 'no-store')
      return (await listSyncKeys(db, actor.staff.practice_id)).map(presentSyncKey)
    },
  )

  app.post(
    '/api/office/sync-keys',
    { schema: { body: NewSyncKey, response: { 201: CreatedSyncKeyView } } },
    async (request, reply) => {
      const actor = await administrator(request)
      const created = await createPracticeSyncKey(db, actor, request.body.name)
      return reply.status(201).header('Cache-Control', 'no-store').send(created)
    },
  )

  app.delete(
    '/api/office/sync-keys/:keyId',
    { schema: { params: SyncKeyParams } },
    async (request, reply) => {
      const actor = await administrator(request)
      await revokePracticeSyncKey(db, actor, request.params.keyId)
      return reply.status(204).send()
    },
  )

  app.get(
    '/api/office/sync-webhook',
    { schema: { response: { 200: SyncWebhookView } } },
    async (request, reply) => {
      const actor = await administrator(request)
      reply.header('Cache-Control', 'no-store')
      return { url: (await findWebhook(db, actor.staff.practice_id))?.url ?? null }
    },
  )

  app.put(
    '/api/office/sync-webhook',
    { schema: { body: NewSyncWebhook, response: { 200: CreatedSyncWebhook } } },
    async (request, reply) => {
      const actor = await administrator(request)
      reply.header('Cache-Control', 'no-store')
      return setPracticeWebhook(db, secrets, actor, request.body.url)
    },
  )

  app.delete('/api/office/sync-webhook', async (request, reply) => {
    const actor = await administrator(request)
    await removePracticeWebhook(db, actor)
    return reply.status(204).send()
  })
}
