import type { PDFDocument } from 'pdf-lib'
import type { Database } from '../../../platform/db/database.ts'
import type { SecretBox } from '../../../platform/mail/secrets.ts'
import { STATEMENT_LINK_DAYS, statementPaymentLink } from './public.ts'
import { findPaymentSetup } from './queries.ts'

/** US Letter, in points: the page added to a statement that says how to pay it online. */
const PAGE: [number, number] = [612, 792]
const MARGIN = 54
/** Characters of the link per printed line (Courier 9 pt fits about 90 on Letter). */
const LINK_LINE = 80

/**
 * The statement's PDF with a last page giving its payment link, printed (to type in from paper)
 * and clickable (a link annotation over the printed address). The PMS's own pages are kept as
 * they are. A file pdf-lib cannot read (encrypted, damaged) is served unchanged: the patient
 * still gets the statement, and can pay from the sign-in page's Make payment.
 */
export async function statementWithPaymentLink(
  pdf: Uint8Array,
  link: { url: string; practiceName: string; expiresOn: string },
): Promise<Uint8Array> {
  // pdf-lib (1 MB of code) loads with the first statement stamped, not at every start.
  const pdfLib = await import('pdf-lib')
  const { PDFDocument, rgb, StandardFonts } = pdfLib
  let doc: PDFDocument
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false })
  } catch {
    return pdf
  }
  const page = doc.addPage(PAGE)
  const regular = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  const mono = await doc.embedFont(StandardFonts.Courier)
  let y = PAGE[1] - MARGIN - 18
  page.drawText('Pay this statement online', { x: MARGIN, y, size: 18, font: bold })
  y -= 28
  for (const line of [
    `${link.practiceName} takes card payments online. Open this address, confirm the`,
    'patient’s first name, last name and birthdate, and pay the balance:',
  ]) {
    page.drawText(line, { x: MARGIN, y, size: 11, font: regular })
    y -= 16
  }
  y -= 6
  const top = y + 11
  const lines = chunks(link.url, LINK_LINE)
  for (const line of lines) {
    page.drawText(line, { x: MARGIN, y, size: 9, font: mono, color: rgb(0.05, 0.2, 0.55) })
    y -= 12
  }
  addLinkAnnotation(pdfLib, doc, page, [MARGIN, y + 8, PAGE[0] - MARGIN, top], link.url)
  y -= 10
  page.drawText(`The link works until ${link.expiresOn}.`, {
    x: MARGIN,
    y,
    size: 11,
    font: regular,
  })
  return doc.save()
}

function chunks(text: string, size: number): string[] {
  const out: string[] = []
  for (let at = 0; at < text.length; at += size) out.push(text.slice(at, at + size))
  return out
}

function addLinkAnnotation(
  { PDFName, PDFString }: typeof import('pdf-lib'),
  doc: PDFDocument,
  page: ReturnType<PDFDocument['addPage']>,
  rect: [number, number, number, number],
  url: string,
) {
  const annotation = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: rect,
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) },
    }),
  )
  page.node.set(PDFName.of('Annots'), doc.context.obj([annotation]))
}

/**
 * A statement's PDF as the portal serves it: with its payment link (valid STATEMENT_LINK_DAYS
 * from now) when the practice takes payments online, else as the PMS sent it.
 */
export async function servedStatementPdf(
  db: Database,
  link: { secrets: SecretBox; publicUrl: string },
  statement: { practiceId: number; statementId: number },
  pdf: Buffer,
  now = new Date(),
): Promise<Buffer> {
  const setup = await findPaymentSetup(db, statement.practiceId)
  if (!setup?.featureOn || !setup.processor) return pdf
  const url = statementPaymentLink(link.secrets, link.publicUrl, statement, now)
  const expiresOn = new Date(now.getTime() + STATEMENT_LINK_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10)
  const stamped = await statementWithPaymentLink(pdf, {
    url,
    practiceName: setup.practiceName,
    expiresOn,
  })
  return stamped === pdf ? pdf : Buffer.from(stamped)
}
