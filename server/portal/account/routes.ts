import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FileStorage } from '../../platform/files/storage.ts'
import { NotFound } from '../../platform/http/problems.ts'
import type { SecretBox } from '../../platform/mail/secrets.ts'
import { portalAuditor } from '../audit-read.ts'
import { PatientParams } from '../params.ts'
import { tabServer } from '../serve-tab.ts'
import type { TabRouteOptions } from '../tab-routes.ts'
import { accountAccess, accountHolderNameOf } from './holder.ts'
import { servedStatementPdf } from './payments/statement-pdf.ts'
import { findStatement } from './queries.ts'
import { AccountView, StatementParams, StatementQuery } from './schemas.ts'
import { hiddenAccountView, keptAccountTab } from './view.ts'

/** The Account tab: the statement balance, statements (with their PDFs) and payments. */
export const accountRoutes: FastifyPluginAsyncTypebox<
  TabRouteOptions & {
    files: FileStorage
    /** For the payment link printed on statements (payments/statement-pdf.ts). */
    paymentLinks: { secrets: SecretBox; publicUrl: string }
  }
> = async (app, { db, guard, reads, files, paymentLinks }) => {
  const serveTab = tabServer(db, reads)

  app.get(
    '/api/portal/patients/:patientId/account',
    { schema: { params: PatientParams, response: { 200: AccountView } } },
    async (request, reply) => {
      const access = await guard.patient(request, request.params.patientId, 'account')
      const { holder, visible } = accountAccess(access)
      const context = {
        currency: access.practice.currency,
        holderId: holder.patientId,
        holderName: await accountHolderNameOf(db, access, holder.patientId),
        isSelectedPatient: holder.patientId === access.patientId,
      }
      if (!visible)
        return reply.header('Cache-Control', 'no-store').send(hiddenAccountView(context))
      return serveTab(request, reply, keptAccountTab, { access: holder, query: null, context })
    },
  )

  app.get(
    '/api/portal/patients/:patientId/statements/:statementId/pdf',
    { schema: { params: StatementParams, querystring: StatementQuery } },
    async (request, reply) => {
      const access = await guard.patient(request, request.params.patientId, 'account')
      const { holder, visible } = accountAccess(access)
      if (!visible) throw new NotFound('No such statement.')
      const statement = await findStatement(
        db,
        holder.user.practice_id,
        holder.patientId,
        request.params.statementId,
      )
      if (!statement?.pdf_storage_key) throw new NotFound('No such statement.')
      const body = await servedStatementPdf(
        db,
        paymentLinks,
        { practiceId: holder.user.practice_id, statementId: statement.id },
        await files.get(statement.pdf_storage_key),
      )
      const download = request.query.download === true
      await portalAuditor(request, holder).record(
        db,
        download ? 'statement.downloaded' : 'statement.viewed',
        { target: { type: 'statement', id: statement.id } },
      )
      const name = `statement-${statement.statement_date}.pdf`
      return reply
        .header('Content-Type', 'application/pdf')
        .header('Content-Disposition', `${download ? 'attachment' : 'inline'}; filename="${name}"`)
        .header('Cache-Control', 'private, no-store')
        .send(body)
    },
  )
}
