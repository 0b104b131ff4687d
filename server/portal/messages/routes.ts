import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import type { PortalContext, PortalGuard } from '../../platform/auth/portal-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import { safeFileName } from '../../platform/files/names.ts'
import type { FileStorage } from '../../platform/files/storage.ts'
import { NotFound } from '../../platform/http/problems.ts'
import { patientAttachmentSettings } from '../../practice/messages/attachment-queries.ts'
import { sendAttachment } from '../../practice/messages/attachments.ts'
import { messageProviders, unreadByPatient } from '../../practice/messages/queries.ts'
import {
  MAX_PATIENT_ATTACHMENTS,
  MESSAGES_PAGE_SIZE,
  PATIENT_ATTACHMENT_LIMIT_BYTES,
} from '../../practice/messages/rules.ts'
import { portalAuditor } from '../audit-read.ts'
import { loadSentMessage, openMessage } from './mark-read.ts'
import { familyAttachment, familyBox } from './queries.ts'
import {
  AttachmentParams,
  BoxQuery,
  BoxView,
  MessageParams,
  MessageView,
  PatientCompose,
  RecipientsView,
  UnreadView,
} from './schemas.ts'
import { sendPatientMessage } from './send.ts'
import { presentFamilyBox, presentFamilyMessage, presentRecipients } from './view.ts'

/**
 * The Messages tab (Secure WebMail): the family's Inbox and Sent, opening a message (which marks
 * it read), writing to the practice regarding a patient the user may see, and attachments.
 * Messages are the family's, not one patient's: the guard's family decides what is listed, and
 * its patient check decides whom a new message may be about.
 */
export const messageRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: PortalGuard
  files: FileStorage
}> = async (app, { db, guard, files }) => {
  const reader = (context: PortalContext) => ({
    practiceId: context.user.practice_id,
    patientIds: context.patientIds,
  })
  const auditAbout = (request: FastifyRequest, context: PortalContext) => (patientId: number) =>
    portalAuditor(request, { user: context.user, patientId })

  app.get(
    '/api/portal/messages',
    { schema: { querystring: BoxQuery, response: { 200: BoxView } } },
    async (request, reply) => {
      const context = await guard.feature(request, 'messages')
      const box = request.query.box ?? 'inbox'
      const { rows, unread } = await familyBox(
        db,
        reader(context),
        box,
        request.query.before,
        MESSAGES_PAGE_SIZE,
      )
      await portalAuditor(request, { user: context.user }).record(db, 'messages.listed', {
        details: { box, messageIds: rows.slice(0, MESSAGES_PAGE_SIZE).map((row) => row.id) },
      })
      reply.header('Cache-Control', 'no-store')
      return presentFamilyBox(rows, unread, context.practice.name)
    },
  )

  app.get(
    '/api/portal/messages/unread',
    { schema: { response: { 200: UnreadView } } },
    async (request, reply) => {
      const context = await guard.feature(request, 'messages')
      reply.header('Cache-Control', 'no-store')
      return { unread: await unreadByPatient(db, context.user.practice_id, context.patientIds) }
    },
  )

  app.get(
    '/api/portal/messages/recipients',
    { schema: { response: { 200: RecipientsView } } },
    async (request) => {
      const context = await guard.feature(request, 'messages')
      const [providers, attachments] = await Promise.all([
        messageProviders(db, context.user.practice_id),
        patientAttachmentSettings(db, context.user.practice_id),
      ])
      return presentRecipients(context, providers, attachments)
    },
  )

  app.get(
    '/api/portal/messages/:messageId',
    { schema: { params: MessageParams, response: { 200: MessageView } } },
    async (request, reply) => {
      const context = await guard.feature(request, 'messages')
      const opened = await openMessage(
        db,
        reader(context),
        auditAbout(request, context),
        request.params.messageId,
        new Date(),
      )
      reply.header('Cache-Control', 'no-store')
      return presentFamilyMessage(opened, context.practice.name)
    },
  )

  app.post(
    '/api/portal/messages',
    {
      // Room for the most files of the largest size Portal Settings may allow, in base64.
      bodyLimit:
        MAX_PATIENT_ATTACHMENTS * Math.ceil(PATIENT_ATTACHMENT_LIMIT_BYTES / 3) * 4 + 65_536,
      schema: { body: PatientCompose, response: { 201: MessageView } },
    },
    async (request, reply) => {
      const { regardingPatientId, ...message } = request.body
      const access = await guard.patient(request, regardingPatientId, 'messages')
      const now = new Date()
      const messageId = await sendPatientMessage(
        db,
        files,
        access,
        portalAuditor(request, access),
        message,
        now,
      )
      const sent = await loadSentMessage(db, reader(access), messageId)
      return reply.status(201).send(presentFamilyMessage(sent, access.practice.name))
    },
  )

  app.get(
    '/api/portal/messages/:messageId/attachments/:attachmentId',
    { schema: { params: AttachmentParams } },
    async (request, reply) => {
      const context = await guard.feature(request, 'messages')
      const { messageId, attachmentId } = request.params
      const found = await familyAttachment(db, reader(context), messageId, attachmentId)
      if (!found) throw new NotFound('No such attachment.')
      const body = await files.get(found.attachment.storage_key)
      await auditAbout(
        request,
        context,
      )(found.message.patient_id).record(db, 'message.attachment_downloaded', {
        target: { type: 'message_attachment', id: attachmentId },
      })
      const name = safeFileName(found.attachment.file_name, `attachment-${attachmentId}`)
      return sendAttachment(reply, body, name)
    },
  )
}
