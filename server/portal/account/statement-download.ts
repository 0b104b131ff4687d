import type { Database } from '../../platform/db/database.ts'
import type { FileStorage } from '../../platform/files/storage.ts'
import { NotFound } from '../../platform/http/problems.ts'
import type { SecretBox } from '../../platform/mail/secrets.ts'
import type { Auditor, PatientAccess } from '../audit-read.ts'
import { servedStatementPdf } from './payments/statement-pdf.ts'
import { findStatement } from './queries.ts'

export interface StatementFiles {
  db: Database
  files: FileStorage
  /** For the payment link printed on statements (payments/statement-pdf.ts). */
  paymentLinks: { secrets: SecretBox; publicUrl: string }
}

/**
 * One of the account holder's statements as a PDF, audited as viewed or downloaded. Another
 * account's statement, or one the PMS sent without a PDF, is not found.
 */
export async function openStatementPdf(
  { db, files, paymentLinks }: StatementFiles,
  holder: PatientAccess,
  auditor: Auditor,
  { statementId, download }: { statementId: number; download: boolean },
): Promise<{ body: Buffer; fileName: string }> {
  const practiceId = holder.user.practice_id
  const statement = await findStatement(db, practiceId, holder.patientId, statementId)
  if (!statement?.pdf_storage_key) throw new NotFound('No such statement.')
  const body = await servedStatementPdf(
    db,
    paymentLinks,
    { practiceId, statementId: statement.id },
    await files.get(statement.pdf_storage_key),
  )
  await auditor.record(db, download ? 'statement.downloaded' : 'statement.viewed', {
    target: { type: 'statement', id: statement.id },
  })
  return { body, fileName: `statement-${statement.statement_date}.pdf` }
}
