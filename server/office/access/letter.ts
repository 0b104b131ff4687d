import type { ContactRow } from '../../practice/queries.ts'
import { addressLines } from '../../practice/rules.ts'

export interface AccessLetter {
  practice: ContactRow
  patientName: string
  portalUrl: string
  username: string
  oneTimePassword: string
}

/** The printed access letter: where to go, the user name and the one-time password. */
// pdfkit loads on first use: most starts never print a letter (DESIGN: cold start < 3 s).
export async function renderAccessLetter(letter: AccessLetter): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit')
  const pdf = new PDFDocument({
    size: 'LETTER',
    margin: 72,
    info: { Title: 'Patient portal access' },
  })
  const chunks: Buffer[] = []
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))))

  const { practice } = letter
  pdf.font('Helvetica-Bold').fontSize(16).text(practice.name)
  pdf.font('Helvetica').fontSize(10)
  for (const line of addressLines(practice)) pdf.text(line)
  if (practice.phone) pdf.text(`Phone: ${practice.phone}`)
  if (practice.email) pdf.text(`Email: ${practice.email}`)
  pdf.moveDown(2)
  pdf.fontSize(12).text(`Dear ${letter.patientName},`)
  pdf.moveDown()
  pdf.text(
    'You can now use our patient portal to see your appointments, statements, treatment plans and more.',
  )
  pdf.moveDown()
  pdf.font('Helvetica-Bold').text('Portal address: ', { continued: true })
  pdf.font('Helvetica').text(letter.portalUrl)
  pdf.font('Helvetica-Bold').text('User name: ', { continued: true })
  pdf.font('Courier').text(letter.username)
  pdf.font('Helvetica-Bold').text('One-time password: ', { continued: true })
  pdf.font('Courier').text(letter.oneTimePassword)
  pdf.font('Helvetica').moveDown()
  pdf.text(
    'The first time you sign in, you will choose your own password; the one-time password then stops working. Keep this letter private.',
  )
  pdf.moveDown()
  pdf.text(`Questions? Call us${practice.phone ? ` at ${practice.phone}` : ''}.`)
  pdf.end()
  return done
}
