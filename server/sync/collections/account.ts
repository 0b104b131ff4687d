import { sql } from 'kysely'
import { type TString, Type } from 'typebox'
import { tableCollection } from '../table-collection.ts'
import { Cents, Day, FreeText, Instant, Opt, RefTo, SyncRecord, Text } from './fields.ts'
import { fileCollection } from './file-collection.ts'
import { Base64File } from './stored-files.ts'

/** The Account tab: statements (with their PDFs) and payments, on the guarantor's account. */

const described = (reference: TString, description: string) =>
  Type.String({ ...reference, description })

const STATEMENT_FIELDS = {
  patientExternalId: described(
    RefTo('patients'),
    'The guarantor whose family account the statement is for.',
  ),
  statementDate: Day,
  balanceCents: Cents,
  status: Type.Optional(Type.Enum(['Pending', 'Processed'])),
  delivery: Type.Optional(Text(40)),
  note: Opt(FreeText()),
}

export const SyncStatement = SyncRecord('SyncStatement', {
  ...STATEMENT_FIELDS,
  pdf: Opt(Base64File('The statement as the patient downloads it: a PDF (starts with %PDF-).')),
})

const STATEMENT_FILE_COLUMNS = { fileKey: 'pdf_storage_key', fileSha256: 'pdf_sha256' }

const statementRows = tableCollection({
  name: 'statements',
  table: 'statements',
  schema: Type.Object({
    ...STATEMENT_FIELDS,
    fileKey: Opt(Type.String()),
    fileSha256: Opt(Type.String()),
  }),
  example: { patientExternalId: 'example', statementDate: '2026-02-10', balanceCents: 0 },
  columns: {
    statementDate: 'statement_date',
    balanceCents: 'balance_cents',
    status: 'status',
    delivery: 'delivery',
    note: 'note',
    ...STATEMENT_FILE_COLUMNS,
  },
  references: { patientExternalId: ['patients', 'patient_id'] },
  // Payments that named the statement stay on the account, no longer tied to it.
  async remove(ctx, id) {
    await sql`update payments set statement_id = null
      where practice_id = ${ctx.practiceId} and statement_id = ${id}`.execute(ctx.db)
    await sql`delete from statements where id = ${id}`.execute(ctx.db)
  },
})

/** The smallest valid PDF reader-wise is long; the portal and the check only need its header. */
const EXAMPLE_PDF = Buffer.from('%PDF-1.4\n% Example statement\n%%EOF\n').toString('base64')

export const statements = fileCollection({
  name: 'statements',
  schema: SyncStatement,
  example: {
    patientExternalId: 'example',
    statementDate: '2026-02-10',
    balanceCents: 4550,
    status: 'Processed',
    delivery: 'Email',
    pdf: EXAMPLE_PDF,
  },
  rows: statementRows,
  table: 'statements',
  fileColumns: STATEMENT_FILE_COLUMNS,
  field: 'pdf',
  folder: 'statements',
  declaredType: () => 'application/pdf',
})

export const SyncPayment = SyncRecord('SyncPayment', {
  patientExternalId: described(RefTo('patients'), 'The guarantor whose account the payment is on.'),
  statementExternalId: Opt(
    described(RefTo('statements'), 'The statement the payment answers, if any.'),
  ),
  amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000_00 }),
  paidAt: Instant,
  method: Text(40),
  status: Type.Optional(Type.Enum(['Pending', 'Posted', 'Declined', 'Refunded'])),
  note: Opt(FreeText(1000)),
  cardBrand: Opt(Text(40)),
  cardLast4: Opt(Type.String({ pattern: '^[0-9]{4}$' })),
})

export const payments = tableCollection({
  name: 'payments',
  table: 'payments',
  schema: SyncPayment,
  example: {
    patientExternalId: 'example',
    statementExternalId: 'example',
    amountCents: 7450,
    paidAt: '2026-02-01T15:00:00.000Z',
    method: 'Visa',
    status: 'Posted',
    cardBrand: 'Visa',
    cardLast4: '4242',
  },
  columns: ['amountCents', 'paidAt', 'method', 'status', 'note', 'cardBrand', 'cardLast4'],
  references: {
    patientExternalId: ['patients', 'patient_id'],
    statementExternalId: ['statements', 'statement_id'],
  },
})
