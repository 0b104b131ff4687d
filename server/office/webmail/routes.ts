import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../platform/db/database.ts'
import { safeFileName } from '../../platform/files/names.ts'
import type { FileStorage } from '../../platform/files/storage.ts'
import { NotFound } from '../../platform/http/problems.ts'
import { sendAttachment } from '../../practice/messages/attachments.ts'
import { MESSAGES_PAGE_SIZE } from '../../practice/messages/rules.ts'
import type { StaffGuard } from '../../practice/staff-permissions.ts'
import { actingStaff } from '../staff-audit.ts'
import {
  assignOfficeMessage,
  changeMessageState,
  loadSentOfficeMessage,
  openOfficeMessage,
} from './mark-read.ts'
import { officeAttachment, officeBox, searchPatients } from './queries.ts'
import {
  AssignBody,
  AttachmentParams,
  MessageParams,
  OfficeBoxQuery,
  OfficeBoxView,
  OfficeComposeBody,
  OfficeMessageView,
  PatientChoice,
  PatientSearchQuery,
  StateChange,
} from './schemas.ts'
import { OFFICE_ATTACHMENT_MAX_BYTES, sendOfficeMessage } from './send.ts'
import { presentOfficeBox, presentOfficeMessage, presentPatientChoices } from './view.ts'

const OFFICE = 'The office'

/**
 * WebMail in the office console: the shared office inbox and each provider's, unread counts,
 * filters, opening (which records who read it), unread/handled, replying and writing to a
 * patient with attachments. Who read and who answered is in the audit log.
 */
export const webmailRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: StaffGuard
  files: FileStorage
  publicUrl: string
}> = async (app, { db, guard, files, publicUrl }) => {
  app.get(
    '/api/office/webmail',
    { schema: { querystring: OfficeBoxQuery, response: { 200: OfficeBoxView } } },
    async (request, reply) => {
      const { staff, audit } = await actingStaff(guard, request, 'webmail.use')
      const { provider, assigned, ...filter } = request.query
      const { rows, unread, providers, colleagues } = await officeBox(
        db,
        staff.practice_id,
        {
          ...filter,
          box: filter.box ?? 'inbox',
          provider: provider === undefined || provider === 'office' ? provider : Number(provider),
          assignedStaffId: assigned === 'me' ? staff.id : undefined,
        },
        MESSAGES_PAGE_SIZE,
      )
      await audit.record(db, 'messages.listed', {
        details: { messageIds: rows.slice(0, MESSAGES_PAGE_SIZE).map((row) => row.id) },
      })
      reply.header('Cache-Control', 'no-store')
      return presentOfficeBox(rows, unread, providers, colleagues, OFFICE)
    },
  )

  app.get(
    '/api/office/webmail/patients',
    { schema: { querystring: PatientSearchQuery, response: { 200: PatientChoice } } },
    async (request) => {
      const { staff } = await actingStaff(guard, request, 'webmail.use')
      return presentPatientChoices(await searchPatients(db, staff.practice_id, request.query.q))
    },
  )

  app.get(
    '/api/office/webmail/:messageId',
    { schema: { params: MessageParams, response: { 200: OfficeMessageView } } },
    async (request, reply) => {
      const { staff, audit } = await actingStaff(guard, request, 'webmail.use')
      const opened = await openOfficeMessage(db, staff, audit, request.params.messageId, new Date())
      reply.header('Cache-Control', 'no-store')
      return presentOfficeMessage(opened.row, opened.attachments, OFFICE)
    },
  )

  app.post(
    '/api/office/webmail/:messageId/state',
    { schema: { params: MessageParams, body: StateChange } },
    async (request, reply) => {
      const { staff, audit } = await actingStaff(guard, request, 'webmail.use')
      await changeMessageState(db, staff, audit, request.params.messageId, request.body, new Date())
      return reply.status(204).send()
    },
  )

  app.post(
    '/api/office/webmail/:messageId/assignee',
    { schema: { params: MessageParams, body: AssignBody } },
    async (request, reply) => {
      const { staff, audit } = await actingStaff(guard, request, 'webmail.use')
      await assignOfficeMessage(db, staff, audit, request.params.messageId, request.body.staffId)
      return reply.status(204).send()
    },
  )

  app.post(
    '/api/office/webmail',
    {
      bodyLimit: 4 * OFFICE_ATTACHMENT_MAX_BYTES + 65_536,
      schema: { body: OfficeComposeBody, response: { 201: OfficeMessageView } },
    },
    async (request, reply) => {
      const { staff, audit } = await actingStaff(guard, request, 'webmail.use')
      const now = new Date()
      const portalUrl = `${publicUrl}/`
      const id = await sendOfficeMessage(db, files, staff, audit, request.body, { now, portalUrl })
      const sent = await loadSentOfficeMessage(db, staff, id)
      return reply.status(201).send(presentOfficeMessage(sent.row, sent.attachments, OFFICE))
    },
  )

  app.get(
    '/api/office/webmail/:messageId/attachments/:attachmentId',
    { schema: { params: AttachmentParams } },
    async (request, reply) => {
      const { staff, audit } = await actingStaff(guard, request, 'webmail.use')
      const { messageId, attachmentId } = request.params
      const found = await officeAttachment(db, staff.practice_id, messageId, attachmentId)
      if (!found) throw new NotFound('No such attachment.')
      const body = await files.get(found.attachment.storage_key)
      await audit.record(db, 'message.attachment_downloaded', {
        patientId: found.message.patient_id,
        target: { type: 'message_attachment', id: attachmentId },
      })
      const name = safeFileName(found.attachment.file_name, `attachment-${attachmentId}`)
      return sendAttachment(reply, body, name)
    },
  )
}
