import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PortalGuard } from '../../platform/auth/portal-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import type { ReadCache } from '../../platform/db/read-cache.ts'
import type { FileStorage } from '../../platform/files/storage.ts'
import { NotFound } from '../../platform/http/problems.ts'
import { auditPatientRead } from '../audit-read.ts'
import { sendKeptView } from '../kept-body.ts'
import { PatientParams } from '../params.ts'
import { accountTabDependencies, findHolder, findStatement, readAccountTab } from './queries.ts'
import { accountHolderId, accountHolderName, mayViewAccount, statementBalance } from './rules.ts'
import { AccountView, StatementParams, StatementQuery } from './schemas.ts'

/** The Account tab: the statement balance, statements (with their PDFs) and payments. */
export const accountRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: PortalGuard
  reads: ReadCache
  files: FileStorage
}> = async (app, { db, guard, reads, files }) => {
  async function accountOf(request: Parameters<PortalGuard['patient']>[0], patientId: number) {
    const access = await guard.patient(request, patientId, 'account')
    const holderId = accountHolderId(access.patient)
    return {
      access,
      practiceId: access.user.practice_id,
      holderId,
      visible: mayViewAccount(holderId, access.patientIds),
    }
  }

  app.get(
    '/api/portal/patients/:patientId/account',
    { schema: { params: PatientParams, response: { 200: AccountView } } },
    async (request, reply) => {
      const { access, practiceId, holderId, visible } = await accountOf(
        request,
        request.params.patientId,
      )
      const currency = access.practice.currency
      const holder =
        access.family.find((member) => member.id === holderId) ??
        (await findHolder(db, practiceId, holderId))
      reply.header('Cache-Control', 'no-store')
      const holderView = {
        id: holderId,
        name: holder ? accountHolderName(holder) : '',
        isSelectedPatient: holderId === access.patientId,
      }
      if (!visible) {
        return {
          holder: holderView,
          visible,
          currency,
          balance: null,
          statements: [],
          payments: [],
        }
      }
      const [tab] = await Promise.all([
        reads.read(
          `account-tab:${practiceId}:${holderId}`,
          () => readAccountTab(db, practiceId, holderId),
          () => accountTabDependencies(holderId),
        ),
        auditPatientRead(db, request, { ...access, patientId: holderId }, 'account.viewed'),
      ])
      const variant = `${currency}|${holderView.name}|${holderView.isSelectedPatient}`
      return sendKeptView(reply, AccountView, tab, variant, new Date(), () => ({
        view: {
          holder: holderView,
          visible,
          currency,
          balance: statementBalance(tab.statements),
          statements: tab.statements.map((statement) => ({
            id: statement.id,
            date: statement.statement_date,
            amountCents: statement.balance_cents,
            status: statement.status,
            hasPdf: statement.pdf_storage_key !== null,
          })),
          payments: tab.payments.map((payment) => ({
            id: payment.id,
            paidAt: payment.paid_at.toISOString(),
            amountCents: payment.amount_cents,
            method: payment.method,
            status: payment.status,
            note: payment.note,
            card:
              payment.card_brand && payment.card_last4
                ? `${payment.card_brand} ····${payment.card_last4}`
                : null,
          })),
        },
      }))
    },
  )

  app.get(
    '/api/portal/patients/:patientId/statements/:statementId/pdf',
    { schema: { params: StatementParams, querystring: StatementQuery } },
    async (request, reply) => {
      const { access, practiceId, holderId, visible } = await accountOf(
        request,
        request.params.patientId,
      )
      if (!visible) throw new NotFound('No such statement.')
      const statement = await findStatement(db, practiceId, holderId, request.params.statementId)
      if (!statement?.pdf_storage_key) throw new NotFound('No such statement.')
      const body = await files.get(statement.pdf_storage_key)
      const download = request.query.download === true
      await auditPatientRead(
        db,
        request,
        { ...access, patientId: holderId },
        download ? 'statement.downloaded' : 'statement.viewed',
        { type: 'statement', id: statement.id },
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
