import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FileStorage } from '../../platform/files/storage.ts'
import { NotFound } from '../../platform/http/problems.ts'
import { portalAuditor } from '../audit-read.ts'
import { PatientParams } from '../params.ts'
import { tabServer } from '../serve-tab.ts'
import type { TabRouteOptions } from '../tab-routes.ts'
import { accountAccess, accountHolderNameOf } from './holder.ts'
import { AccountView, StatementParams, StatementQuery } from './schemas.ts'
import { openStatementPdf, type StatementFiles } from './statement-download.ts'
import { hiddenAccountView, keptAccountTab } from './view.ts'

/** The Account tab: the statement balance, statements (with their PDFs) and payments. */
export const accountRoutes: FastifyPluginAsyncTypebox<
  TabRouteOptions & {
    files: FileStorage
    paymentLinks: StatementFiles['paymentLinks']
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
      const download = request.query.download === true
      const { body, fileName } = await openStatementPdf(
        { db, files, paymentLinks },
        holder,
        portalAuditor(request, holder),
        { statementId: request.params.statementId, download },
      )
      return reply
        .header('Content-Type', 'application/pdf')
        .header(
          'Content-Disposition',
          `${download ? 'attachment' : 'inline'}; filename="${fileName}"`,
        )
        .header('Cache-Control', 'private, no-store')
        .send(body)
    },
  )
}
