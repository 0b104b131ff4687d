import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { OfficeGuard } from '../../platform/auth/office-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import { actingStaff } from '../staff-audit.ts'
import { changeStaffStatus, createStaffMember, resetStaffPassword } from './commands.ts'
import { listStaff } from './queries.ts'
import {
  NewStaffMember,
  StaffCredentials,
  StaffIdParams,
  StaffMemberView,
  StaffStatusBody,
} from './schemas.ts'
import { presentStaffMember } from './view.ts'

/** Staff (administrators; the permission `staff.manage`): accounts, roles, passwords, disabling. */
export const staffRoutes: FastifyPluginAsyncTypebox<{ db: Database; guard: OfficeGuard }> = async (
  app,
  { db, guard },
) => {
  const administrator = (request: FastifyRequest) => actingStaff(guard, request, 'staff.manage')

  app.get(
    '/api/office/staff',
    { schema: { response: { 200: Type.Array(StaffMemberView) } } },
    async (request, reply) => {
      const actor = await administrator(request)
      reply.header('Cache-Control', 'no-store')
      return (await listStaff(db, actor.staff.practice_id)).map(presentStaffMember)
    },
  )

  app.post(
    '/api/office/staff',
    { schema: { body: NewStaffMember, response: { 201: StaffCredentials } } },
    async (request, reply) => {
      const actor = await administrator(request)
      return reply.status(201).send(await createStaffMember(db, actor, request.body))
    },
  )

  app.post(
    '/api/office/staff/:staffId/password',
    { schema: { params: StaffIdParams, response: { 200: StaffCredentials } } },
    async (request, reply) => {
      const actor = await administrator(request)
      reply.header('Cache-Control', 'no-store')
      return resetStaffPassword(db, actor, request.params.staffId)
    },
  )

  app.put(
    '/api/office/staff/:staffId/status',
    {
      schema: { params: StaffIdParams, body: StaffStatusBody, response: { 200: StaffMemberView } },
    },
    async (request) => {
      const actor = await administrator(request)
      const member = await changeStaffStatus(db, actor, request.params.staffId, request.body.active)
      return presentStaffMember(member)
    },
  )
}
