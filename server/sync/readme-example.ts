import PDFDocument from 'pdfkit'

/**
 * The PMS rows the README's "Feeding Bitewing from a practice-management system" sends with
 * curl. The onboarding tests (server/sync/onboarding.test.ts and the browser test
 * tests/e2e/practice-onboarding.desktop.spec.ts) send exactly these, and readme-example.test.ts
 * checks the README still shows them, so the documented commands are the tested ones.
 */

/** A patient with what the office needs before giving portal access: name, address, birthdate. */
export const README_PATIENT = {
  externalId: '1042',
  body: {
    firstName: 'Maria',
    lastName: 'Lopez',
    birthdate: '1984-03-09',
    status: 'Patient',
    email: 'maria.lopez@example.test',
    address1: '12 Elm Street',
    city: 'Guelph',
  },
} as const

/** Upcoming and awaiting the patient's confirmation, so the portal offers to confirm it. */
export const README_APPOINTMENT = {
  externalId: '88120',
  body: {
    patientExternalId: '1042',
    startsAt: '2030-06-12T14:00:00.000Z',
    lengthMinutes: 60,
    status: 'Scheduled',
    confirmation: 'AwaitingConfirmation',
    procedureDescription: 'Cleaning and exam',
  },
} as const

/** The statement; its PDF travels base64-encoded in `pdf` (the README reads it from a file). */
export const README_STATEMENT = {
  externalId: '5001',
  pdfFile: 'statement-5001.pdf',
  body: {
    patientExternalId: '1042',
    statementDate: '2026-11-30',
    balanceCents: 12500,
    status: 'Processed',
  },
} as const

const PDF_PLACEHOLDER = 'PDF'

/** The `-d` argument of a README curl command for a JSON body. */
export const curlData = (body: object) => `-d '${JSON.stringify(body)}'`

/** The statement's `-d` argument: the JSON with the file spliced in by the shell. */
export function statementCurlData(): string {
  return curlData({ ...README_STATEMENT.body, pdf: PDF_PLACEHOLDER }).replace(
    `"${PDF_PLACEHOLDER}"`,
    `"'"$(base64 -w0 ${README_STATEMENT.pdfFile})"'"`,
  )
}

/** The PMS's statement file: a one-page PDF, as its own statement printing would make. */
export function readmeStatementPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', info: { Title: 'Statement' } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  doc.text('Statement 5001 — balance due $125.00')
  doc.end()
  return done
}
