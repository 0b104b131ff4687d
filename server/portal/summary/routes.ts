import { createHash } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { renderCcdHtml, renderCcdPdf } from '../../ccd/index.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { clientAddress } from '../../platform/auth/client.ts'
import type { PortalContext, PortalGuard } from '../../platform/auth/portal-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import type { FileStorage } from '../../platform/files/storage.ts'
import { Invalid, NotFound } from '../../platform/http/problems.ts'
import { queueEmail } from '../../platform/mail/outbox.ts'
import { careSummariesReady } from '../../practice/queries.ts'
import { PatientParams } from '../params.ts'
import { createCareSummary } from './create.ts'
import { buildXdmPackage } from './package.ts'
import {
  findCareSummary,
  findPractice,
  findTransmission,
  listCareSummaries,
  listSummaryActivity,
} from './queries.ts'
import { activityKind, addressProblem, summaryFileBase, transmissionStatus } from './rules.ts'
import {
  ActivityView,
  SummariesView,
  SummaryItem,
  SummaryParams,
  TransmissionParams,
  TransmissionView,
  TransmitAccepted,
  TransmitBody,
} from './schemas.ts'

type Access = PortalContext & { patientId: number }

/**
 * The rendered summary may only style itself: no scripts, images, fonts, forms or requests of
 * any kind, and only this origin may frame it (the Summary tab shows it in a sandboxed iframe).
 */
export const SUMMARY_HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

const reasonOf = (reason: string): 'visit' | 'on_demand' =>
  reason === 'visit' ? 'visit' : 'on_demand'
const viaOf = (value: unknown): 'email' | 'direct' => (value === 'direct' ? 'direct' : 'email')

/**
 * The Summary tab: a patient's care summaries (C-CDA R2.1 CCDs) to view, download and transmit,
 * and the history of those acts. Every route asks the portal guard first; every view, download
 * and transmission is written to the audit log, which is also what the history reads.
 */
export const summaryRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: PortalGuard
  files: FileStorage
}> = async (app, { db, guard, files }) => {
  const base = '/api/portal/patients/:patientId'

  async function summaryFor(request: FastifyRequest, patientId: number, summaryId: number) {
    const access = await guard.patient(request, patientId, 'summary')
    const summary = await findCareSummary(db, access.user.practice_id, access.patientId, summaryId)
    if (!summary) throw new NotFound('No such care summary.')
    const body = await files.get(summary.xml_storage_key)
    if (createHash('sha256').update(body).digest('hex') !== summary.sha256) {
      throw new Error(`Care summary ${summary.id} does not match its recorded SHA-256`)
    }
    const practice = await findPractice(db, access.user.practice_id)
    return {
      access,
      summary,
      practice,
      xml: body.toString('utf8'),
      baseName: summaryFileBase(summary.effective_at, practice.time_zone),
    }
  }

  function audit(
    request: FastifyRequest,
    access: Access,
    action: string,
    summaryId: number,
    details: Record<string, unknown> = {},
    db_ = db,
  ) {
    return recordAudit(db_, {
      practiceId: access.user.practice_id,
      actor: { type: 'portal_user', portalUserId: access.user.id },
      action,
      patientId: access.patientId,
      targetType: 'care_summary',
      targetId: summaryId,
      ip: clientAddress(request),
      details,
    })
  }

  function download(reply: FastifyReply, body: Buffer | Uint8Array, type: string, name: string) {
    return reply
      .header('Content-Type', type)
      .header('Content-Disposition', `attachment; filename="${name}"`)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(Buffer.from(body))
  }

  app.get(
    `${base}/summaries`,
    { schema: { params: PatientParams, response: { 200: SummariesView } } },
    async (request, reply) => {
      const access = await guard.patient(request, request.params.patientId, 'summary')
      const practiceId = access.user.practice_id
      const [setUp, rows] = await Promise.all([
        careSummariesReady(db, practiceId),
        listCareSummaries(db, practiceId, access.patientId),
      ])
      await recordAudit(db, {
        practiceId,
        actor: { type: 'portal_user', portalUserId: access.user.id },
        action: 'summaries.listed',
        patientId: access.patientId,
        ip: clientAddress(request),
      })
      reply.header('Cache-Control', 'no-store')
      return {
        setUp,
        summaries: rows.map((row) => ({
          id: row.id,
          effectiveAt: row.effective_at.toISOString(),
          reason: reasonOf(row.reason),
        })),
      }
    },
  )

  app.post(
    `${base}/summaries`,
    { schema: { params: PatientParams, response: { 201: SummaryItem } } },
    async (request, reply) => {
      const access = await guard.patient(request, request.params.patientId, 'summary')
      const row = await createCareSummary(db, files, {
        practiceId: access.user.practice_id,
        patientId: access.patientId,
        reason: 'on_demand',
        now: new Date(),
      })
      await audit(request, access, 'summary.created', row.id)
      return reply.status(201).send({
        id: row.id,
        effectiveAt: row.effective_at.toISOString(),
        reason: reasonOf(row.reason),
      })
    },
  )

  app.get(
    `${base}/summaries/:summaryId/html`,
    { schema: { params: SummaryParams } },
    async (request, reply) => {
      const { access, summary, xml, baseName } = await summaryFor(
        request,
        request.params.patientId,
        request.params.summaryId,
      )
      const html = renderCcdHtml(xml)
      await audit(request, access, 'summary.viewed', summary.id)
      return reply
        .header('Content-Type', 'text/html; charset=utf-8')
        .header('Content-Security-Policy', SUMMARY_HTML_CSP)
        .header('X-Content-Type-Options', 'nosniff')
        .header('X-Frame-Options', 'SAMEORIGIN')
        .header('Content-Disposition', `inline; filename="${baseName}.html"`)
        .header('Cache-Control', 'private, no-store')
        .send(html)
    },
  )

  app.get(
    `${base}/summaries/:summaryId/xml`,
    { schema: { params: SummaryParams } },
    async (request, reply) => {
      const { access, summary, xml, baseName } = await summaryFor(
        request,
        request.params.patientId,
        request.params.summaryId,
      )
      await audit(request, access, 'summary.downloaded', summary.id, { format: 'xml' })
      return download(reply, Buffer.from(xml, 'utf8'), 'application/xml', `${baseName}.xml`)
    },
  )

  app.get(
    `${base}/summaries/:summaryId/package`,
    { schema: { params: SummaryParams } },
    async (request, reply) => {
      const { access, summary, practice, xml, baseName } = await summaryFor(
        request,
        request.params.patientId,
        request.params.summaryId,
      )
      const zip = buildXdmPackage({
        xml,
        html: renderCcdHtml(xml),
        pdf: await renderCcdPdf(xml),
        documentId: summary.document_id,
        effectiveAt: summary.effective_at,
        practiceId: access.user.practice_id,
        practiceName: practice.name,
        baseName,
      })
      await audit(request, access, 'summary.downloaded', summary.id, { format: 'package' })
      return download(reply, zip, 'application/zip', `${baseName}.zip`)
    },
  )

  app.post(
    `${base}/summaries/:summaryId/transmit`,
    { schema: { params: SummaryParams, body: TransmitBody, response: { 202: TransmitAccepted } } },
    async (request, reply) => {
      const access = await guard.patient(request, request.params.patientId, 'summary')
      const { kind } = request.body
      const to = request.body.to.trim()
      const problem = addressProblem(to, kind)
      if (problem) throw new Invalid('The recipient address is not valid.', { to: problem })
      const practiceId = access.user.practice_id
      const summary = await findCareSummary(
        db,
        practiceId,
        access.patientId,
        request.params.summaryId,
      )
      if (!summary) throw new NotFound('No such care summary.')
      const practice = await findPractice(db, practiceId)
      const baseName = summaryFileBase(summary.effective_at, practice.time_zone)
      // The email never names the patient or holds health information outside the attachment.
      const emailId = await db.transaction().execute(async (trx) => {
        const id = await queueEmail(trx, {
          practiceId,
          kind: kind === 'direct' ? 'care-summary-direct' : 'care-summary',
          to,
          subject: `Care summary from ${practice.name}`,
          text: [
            `Attached is a care summary (an HL7 C-CDA R2.1 document) that a patient of ${practice.name} asked to have sent to this address from the patient portal.`,
            '',
            `It contains health information. If you did not expect it, please delete it and let ${practice.name} know.`,
          ].join('\n'),
          attachments: [
            {
              filename: `${baseName}.xml`,
              contentType: 'application/xml',
              storageKey: summary.xml_storage_key,
            },
          ],
          relay: kind === 'direct' ? 'direct' : 'smtp',
        })
        await audit(
          request,
          access,
          'summary.transmitted',
          summary.id,
          { emailId: id, via: kind },
          trx,
        )
        return id
      })
      return reply.status(202).send({ emailId, status: 'pending' as const })
    },
  )

  app.get(
    `${base}/transmissions/:emailId`,
    { schema: { params: TransmissionParams, response: { 200: TransmissionView } } },
    async (request, reply) => {
      const access = await guard.patient(request, request.params.patientId, 'summary')
      const row = await findTransmission(
        db,
        access.user.practice_id,
        access.patientId,
        request.params.emailId,
      )
      if (!row) throw new NotFound('No such transmission.')
      const details = parseDetails(row.details)
      reply.header('Cache-Control', 'no-store')
      return {
        id: row.id,
        summaryId: row.target_id ? Number(row.target_id) : null,
        to: row.to_address,
        kind: viaOf(details.via),
        status: transmissionStatus(row.status),
        error: row.error,
        createdAt: row.created_at.toISOString(),
        sentAt: row.sent_at?.toISOString() ?? null,
      }
    },
  )

  app.get(
    `${base}/summary-activity`,
    { schema: { params: PatientParams, response: { 200: ActivityView } } },
    async (request, reply) => {
      const access = await guard.patient(request, request.params.patientId, 'summary')
      const practiceId = access.user.practice_id
      const [rows, practice] = await Promise.all([
        listSummaryActivity(db, practiceId, access.patientId),
        findPractice(db, practiceId),
      ])
      reply.header('Cache-Control', 'no-store')
      return {
        events: rows.flatMap((row) => {
          const kind = activityKind(row.action)
          if (!kind) return []
          const details = parseDetails(row.details)
          const person = [row.actor_first_name, row.actor_last_name].filter(Boolean).join(' ')
          const transmitted = kind === 'transmitted'
          return [
            {
              id: row.id,
              kind,
              at: row.occurred_at.toISOString(),
              summaryId: row.target_id ? Number(row.target_id) : null,
              format: typeof details.format === 'string' ? details.format : null,
              by:
                row.actor_type === 'portal_user'
                  ? person || row.username || 'A portal user'
                  : row.staff_name
                    ? `${row.staff_name} (${practice.name})`
                    : practice.name,
              to: transmitted ? (row.to_address ?? null) : null,
              via: transmitted ? viaOf(details.via) : null,
              status: transmitted && row.email_status ? transmissionStatus(row.email_status) : null,
              error: transmitted ? (row.email_error ?? null) : null,
            },
          ]
        }),
      }
    },
  )
}

// PGlite and pg hand jsonb back parsed; text would mean it was stored as a JSON string.
function parseDetails(details: unknown): Record<string, unknown> {
  if (typeof details === 'string') return JSON.parse(details) as Record<string, unknown>
  return (details ?? {}) as Record<string, unknown>
}
