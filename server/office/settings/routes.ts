import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import type { Database } from '../../platform/db/database.ts'
import type { StaffGuard } from '../../practice/staff-permissions.ts'
import { actingStaff } from '../staff-audit.ts'
import { saveContact, savePortalSettings } from './commands.ts'
import { loadSettings } from './queries.ts'
import { ClinicParams, ContactBody, PortalSettingsBody, SettingsView } from './schemas.ts'
import { presentSettings } from './view.ts'

/** Portal Settings (administrators): features, time-outs, texts, contact details and hours. */
export const settingsRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: StaffGuard
}> = async (app, { db, guard }) => {
  const signedIn = (request: FastifyRequest) => actingStaff(guard, request, 'settings.manage')
  const current = async (practiceId: number) => presentSettings(await loadSettings(db, practiceId))

  app.get(
    '/api/office/settings',
    { schema: { response: { 200: SettingsView } } },
    async (request, reply) => {
      const { staff } = await signedIn(request)
      reply.header('Cache-Control', 'no-store')
      return current(staff.practice_id)
    },
  )

  app.put(
    '/api/office/settings',
    { schema: { body: PortalSettingsBody, response: { 200: SettingsView } } },
    async (request) => {
      const { staff, audit } = await signedIn(request)
      await savePortalSettings(db, staff, audit, request.body)
      return current(staff.practice_id)
    },
  )

  app.put(
    '/api/office/settings/practice',
    { schema: { body: ContactBody, response: { 200: SettingsView } } },
    async (request) => {
      const { staff, audit } = await signedIn(request)
      await saveContact(db, staff, audit, { clinicId: null, contact: request.body })
      return current(staff.practice_id)
    },
  )

  app.put(
    '/api/office/settings/clinics/:clinicId',
    { schema: { params: ClinicParams, body: ContactBody, response: { 200: SettingsView } } },
    async (request) => {
      const { staff, audit } = await signedIn(request)
      const { clinicId } = request.params
      await saveContact(db, staff, audit, { clinicId, contact: request.body })
      return current(staff.practice_id)
    },
  )
}
