import { createHash } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Static } from 'typebox'
import { renderCcdHtml, renderCcdPdf } from '../../ccd/index.ts'
import type { PortalGuard } from '../../platform/auth/portal-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import type { FileStorage } from '../../platform/files/storage.ts'
import { NotFound } from '../../platform/http/problems.ts'
import { readerLocale } from '../../platform/http/reader-locale.ts'
import { careSummariesReady } from '../../practice/queries.ts'
import { type PatientAccess, portalAuditor } from '../audit-read.ts'
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
import { summaryFileBase } from './rules.ts'
import {
  ActivityView,
  CreateSummaryBody,
  SummariesView,
  SummaryItem,
  SummaryParams,
  TransmissionParams,
  TransmissionView,
  TransmitAccepted,
  TransmitBody,
} from './schemas.ts'
import { transmitSummary } from './transmit.ts'
import { activityView, rangeDetails, summaryItemView, transmissionView } from './view.ts'

/**
 * The rendered summary may only style itself: no scripts, images, fonts, forms or requests of
 * any kind, and only this origin may frame it (the Summary tab shows it in a sandboxed iframe).
 */
export const SUMMARY_HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

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

  /** The summary a route's params name, once the guard lets the user see the patient. */
  async function summaryFor(request: FastifyRequest<{ Params: Static<typeof SummaryParams> }>) {
    const { patientId, summaryId } = request.params
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
    access: PatientAccess,
    action: string,
    summary: { id: number; range_from: string | null; range_to: string | null },
    details?: Record<string, unknown>,
  ) {
    return portalAuditor(request, access).record(db, action, {
      target: { type: 'care_summary', id: summary.id },
      details: { ...details, ...rangeDetails(summary) },
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
      await portalAuditor(request, access).record(db, 'summaries.listed')
      reply.header('Cache-Control', 'no-store')
      return { setUp, summaries: rows.map(summaryItemView) }
    },
  )

  app.post(
    `${base}/summaries`,
    {
      schema: { params: PatientParams, body: CreateSummaryBody, response: { 201: SummaryItem } },
      // No body at all is the summary of everything, as before there were date ranges.
      preValidation: async (request) => {
        request.body ??= {}
      },
    },
    async (request, reply) => {
      const access = await guard.patient(request, request.params.patientId, 'summary')
      const row = await createCareSummary(db, files, {
        practiceId: access.user.practice_id,
        patientId: access.patientId,
        reason: 'on_demand',
        now: new Date(),
        range: { from: request.body?.from ?? null, to: request.body?.to ?? null },
      })
      await audit(request, access, 'summary.created', row)
      return reply.status(201).send(summaryItemView(row))
    },
  )

  app.get(
    `${base}/summaries/:summaryId/html`,
    { schema: { params: SummaryParams } },
    async (request, reply) => {
      const { access, summary, xml, baseName } = await summaryFor(request)
      const html = renderCcdHtml(xml, { locale: readerLocale(request) })
      await audit(request, access, 'summary.viewed', summary)
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
      const { access, summary, xml, baseName } = await summaryFor(request)
      await audit(request, access, 'summary.downloaded', summary, { format: 'xml' })
      return download(reply, Buffer.from(xml, 'utf8'), 'application/xml', `${baseName}.xml`)
    },
  )

  app.get(
    `${base}/summaries/:summaryId/package`,
    { schema: { params: SummaryParams } },
    async (request, reply) => {
      const { access, summary, practice, xml, baseName } = await summaryFor(request)
      const locale = readerLocale(request)
      const zip = buildXdmPackage({
        xml,
        html: renderCcdHtml(xml, { locale }),
        pdf: await renderCcdPdf(xml, { locale }),
        locale,
        timeZone: practice.time_zone,
        documentId: summary.document_id,
        effectiveAt: summary.effective_at,
        practiceId: access.user.practice_id,
        practiceName: practice.name,
        baseName,
      })
      await audit(request, access, 'summary.downloaded', summary, { format: 'package' })
      return download(reply, zip, 'application/zip', `${baseName}.zip`)
    },
  )

  app.post(
    `${base}/summaries/:summaryId/transmit`,
    { schema: { params: SummaryParams, body: TransmitBody, response: { 202: TransmitAccepted } } },
    async (request, reply) => {
      const access = await guard.patient(request, request.params.patientId, 'summary')
      const emailId = await transmitSummary(db, access, portalAuditor(request, access), {
        summaryId: request.params.summaryId,
        to: request.body.to,
        kind: request.body.kind,
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
      reply.header('Cache-Control', 'no-store')
      return transmissionView(row)
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
      return activityView(rows, practice.name)
    },
  )
}
