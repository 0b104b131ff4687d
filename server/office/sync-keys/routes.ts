import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { OfficeGuard } from '../../platform/auth/office-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import { permittedActor } from '../administrator.ts'
import { createPracticeSyncKey, revokePracticeSyncKey } from './commands.ts'
import { listSyncKeys } from './queries.ts'
import { CreatedSyncKeyView, NewSyncKey, SyncKeyParams, SyncKeyView } from './schemas.ts'
import { presentSyncKey } from './view.ts'

/** Sync API keys (administrators; the permission `sync-keys.manage`): create, list, revoke. */
export const syncKeyRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: OfficeGuard
}> = async (app, { db, guard }) => {
  const administrator = (request: FastifyRequest) =>
    permittedActor(guard, request, 'sync-keys.manage')

  app.get(
    '/api/office/sync-keys',
    { schema: { response: { 200: Type.Array(SyncKeyView) } } },
    async (request, reply) => {
      const actor = await administrator(request)
      reply.header('Cache-Control', 'no-store')
      return (await listSyncKeys(db, actor.practiceId)).map(presentSyncKey)
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
}
