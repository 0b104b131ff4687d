import { createHash } from 'node:crypto'
import PDFDocument from 'pdfkit'
import sharp from 'sharp'
import { formatDay } from '../ccd/dates.ts'
import type { FileStorage } from '../platform/files/storage.ts'

/** A file written through FileStorage, with what documents and attachments record about it. */
export interface StoredFile {
  key: string
  fileName: string
  contentType: string
  sizeBytes: number
  sha256: string
  thumbnailKey: string | null
}

/**
 * The handful of images and PDFs the demo shares between patients. They are made once per
 * practice; a 100 000-patient practice points many documents at the same blob instead of
 * writing a file per row.
 */
export interface DemoFiles {
  bitewingLeft: StoredFile
  bitewingRight: StoredFile
  panoramic: StoredFile
  intraoralPhoto: StoredFile
  insuranceCard: StoredFile
  consentForm: StoredFile
  postOpInstructions: StoredFile
  medicalHistoryForm: StoredFile
  /** Stands in for per-family statement PDFs beyond the first families in large practices. */
  sampleStatement: StoredFile
}

export async function storeFile(
  files: FileStorage,
  key: string,
  fileName: string,
  contentType: string,
  body: Buffer,
  thumbnail?: Buffer,
): Promise<StoredFile> {
  await files.put(key, body)
  let thumbnailKey: string | null = null
  if (thumbnail) {
    thumbnailKey = key.replace(/(\.[a-z]+)$/, '.thumb.jpg')
    await files.put(thumbnailKey, thumbnail)
  }
  return {
    key,
    fileName,
    contentType,
    sizeBytes: body.length,
    sha256: createHash('sha256').update(body).digest('hex'),
    thumbnailKey,
  }
}

export async function createDemoFiles(
  files: FileStorage,
  practiceId: number,
  practiceName: string,
): Promise<DemoFiles> {
  const folder = `practices/${practiceId}/demo`
  const image = async (name: string, svg: string, format: 'png' | 'jpeg') => {
    const body =
      format === 'png'
        ? await sharp(Buffer.from(svg)).png().toBuffer()
        : await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
    const thumbnail = await sharp(body).resize({ width: 160 }).jpeg({ quality: 70 }).toBuffer()
    const type = format === 'png' ? 'image/png' : 'image/jpeg'
    return storeFile(files, `${folder}/${name}`, name, type, body, thumbnail)
  }
  const pdf = async (name: string, body: Buffer) =>
    storeFile(files, `${folder}/${name}`, name, 'application/pdf', body)

  const [bitewingLeft, bitewingRight, panoramic, intraoralPhoto, insuranceCard] = await Promise.all(
    [
      image('bitewing-left.png', radiographSvg('Bitewing - left', 4), 'png'),
      image('bitewing-right.png', radiographSvg('Bitewing - right', 4), 'png'),
      image('panoramic.jpg', radiographSvg('Panoramic', 14, 960, 480), 'jpeg'),
      image('intraoral-photo.jpg', intraoralPhotoSvg(), 'jpeg'),
      image('insurance-card.png', insuranceCardSvg(), 'png'),
    ],
  )
  return {
    bitewingLeft,
    bitewingRight,
    panoramic,
    intraoralPhoto,
    insuranceCard,
    consentForm: await pdf('consent-form.pdf', await consentFormPdf(practiceName)),
    postOpInstructions: await pdf(
      'post-op-instructions.pdf',
      await postOpInstructionsPdf(practiceName),
    ),
    medicalHistoryForm: await pdf('medical-history.pdf', await medicalHistoryPdf(practiceName)),
    sampleStatement: await pdf(
      'sample-statement.pdf',
      await statementPdf({
        practiceName,
        practiceAddress: [],
        guarantorName: 'Account holder',
        guarantorAddress: [],
        statementDate: '',
        lines: [],
        balanceCents: 0,
        sample: true,
      }),
    ),
  }
}

const NOT_CLINICAL = 'Demo image - not a real patient record'

/** A dark, grainy field with bright crowns and roots: reads as an X-ray at thumbnail size. */
function radiographSvg(title: string, teeth: number, width = 640, height = 480): string {
  const toothWidth = (width - 80) / teeth
  const shapes: string[] = []
  for (let index = 0; index < teeth; index++) {
    const x = 40 + index * toothWidth + toothWidth * 0.1
    const w = toothWidth * 0.8
    shapes.push(
      `<rect x="${x}" y="${height * 0.12}" width="${w}" height="${height * 0.34}" rx="${w / 3}" fill="url(#enamel)"/>`,
      `<rect x="${x}" y="${height * 0.54}" width="${w}" height="${height * 0.34}" rx="${w / 3}" fill="url(#enamel)"/>`,
    )
    if (index % 3 === 1) {
      shapes.push(
        `<rect x="${x + w * 0.25}" y="${height * 0.3}" width="${w * 0.5}" height="${height * 0.12}" rx="6" fill="#fafafa"/>`,
      )
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs>
    <radialGradient id="film" cx="50%" cy="50%" r="70%">
      <stop offset="0" stop-color="#5a5a5a"/><stop offset="1" stop-color="#0c0c0c"/>
    </radialGradient>
    <linearGradient id="enamel" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#e8e8e8" stop-opacity="0.9"/>
      <stop offset="1" stop-color="#8a8a8a" stop-opacity="0.6"/>
    </linearGradient>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#film)"/>
  ${shapes.join('\n  ')}
  <text x="16" y="28" font-family="DejaVu Sans, sans-serif" font-size="18" fill="#f0f0f0">${title}</text>
  <text x="16" y="${height - 14}" font-family="DejaVu Sans, sans-serif" font-size="14" fill="#c8c8c8">${NOT_CLINICAL}</text>
</svg>`
}

function intraoralPhotoSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="427">
  <defs>
    <radialGradient id="gum" cx="50%" cy="50%" r="65%">
      <stop offset="0" stop-color="#f3a6a6"/><stop offset="1" stop-color="#7a2830"/>
    </radialGradient>
  </defs>
  <rect width="640" height="427" fill="url(#gum)"/>
  ${Array.from({ length: 8 }, (_, i) => `<rect x="${70 + i * 64}" y="150" width="56" height="110" rx="22" fill="#fbf7ee"/>`).join('')}
  <text x="16" y="413" font-family="DejaVu Sans, sans-serif" font-size="14" fill="#fff">${NOT_CLINICAL}</text>
</svg>`
}

function insuranceCardSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="510" height="320">
  <rect width="510" height="320" rx="18" fill="#1f4e79"/>
  <rect x="0" y="220" width="510" height="100" fill="#f2f6fa"/>
  <text x="24" y="48" font-family="DejaVu Sans, sans-serif" font-size="26" fill="#fff">Example Dental Benefits</text>
  <text x="24" y="100" font-family="DejaVu Sans, sans-serif" font-size="16" fill="#dce8f5">Member ID  XDB 000 000 000</text>
  <text x="24" y="128" font-family="DejaVu Sans, sans-serif" font-size="16" fill="#dce8f5">Group  DEMO-1234</text>
  <text x="24" y="270" font-family="DejaVu Sans, sans-serif" font-size="14" fill="#1f4e79">Specimen card - for demonstration only</text>
</svg>`
}

function renderPdf(title: string, write: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  // A fixed creation date keeps the bytes the same from run to run.
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 54,
    info: { Title: title, Creator: 'Bitewing demo', CreationDate: new Date(Date.UTC(2024, 0, 1)) },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  write(doc)
  doc.end()
  return finished
}

function letterhead(doc: PDFKit.PDFDocument, practiceName: string, title: string) {
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#1f4e79').text(practiceName)
  doc.font('Helvetica').fontSize(13).fillColor('#333').text(title).moveDown()
  doc.fontSize(10).fillColor('#000')
}

/** A paper form the demo stores: the practice's letterhead, the form, the demo's notice. */
function demoFormPdf(
  practiceName: string,
  title: string,
  write: (doc: PDFKit.PDFDocument) => void,
  heading = title,
): Promise<Buffer> {
  return renderPdf(title, (doc) => {
    letterhead(doc, practiceName, heading)
    write(doc)
    doc.moveDown(2).fontSize(8).fillColor('#777').text(NOT_CLINICAL)
  })
}

function consentFormPdf(practiceName: string) {
  const write = (doc: PDFKit.PDFDocument) => {
    doc.text(
      'I authorize the dentist and staff to perform the diagnostic and treatment procedures ' +
        'discussed with me. The nature of the treatment, its risks, benefits and alternatives ' +
        'have been explained, and my questions were answered.',
    )
    doc.moveDown().text('Signed electronically at the front desk.')
  }
  return demoFormPdf(practiceName, 'Consent for treatment', write, 'Consent for dental treatment')
}

/** A form whose body is a list of short lines, each followed by a little space. */
function listFormPdf(practiceName: string, title: string, lines: string[]) {
  return demoFormPdf(practiceName, title, (doc) => {
    for (const line of lines) doc.text(line).moveDown(0.4)
  })
}

function postOpInstructionsPdf(practiceName: string) {
  const instructions = [
    'Avoid eating until the numbness wears off, so you do not bite your cheek or tongue.',
    'Some sensitivity to hot and cold is normal for a few days.',
    'Brush and floss gently around the treated area tonight; resume normal care tomorrow.',
    'Call us if you have swelling, a fever, or pain that does not improve after three days.',
  ]
  return listFormPdf(
    practiceName,
    'After your treatment',
    instructions.map((line) => `-  ${line}`),
  )
}

function medicalHistoryPdf(practiceName: string) {
  const questions = [
    'Are you currently taking any medications?',
    'Do you have any allergies to medicines, latex or foods?',
    'Have you been hospitalized in the past year?',
    'Are you pregnant or nursing?',
  ]
  return listFormPdf(
    practiceName,
    'Medical history update',
    questions.map((question) => `${question}   [ ] Yes   [x] No`),
  )
}

export interface StatementContent {
  practiceName: string
  practiceAddress: string[]
  guarantorName: string
  guarantorAddress: string[]
  statementDate: string
  lines: { date: string; description: string; amountCents: number }[]
  balanceCents: number
  sample?: boolean
  /** The locale its dates are printed in (the practice's readers); English (US) if not given. */
  locale?: string
}

/**
 * A statement's lines as printed: in date order (a stable sort, so a day's lines keep the order
 * they were added in: previous balance, visits, insurance, payments), each date in `locale`
 * (en-CA dd/mm/yyyy, en-US mm/dd/yyyy), never ISO.
 */
export function statementRows(
  lines: StatementContent['lines'],
  locale = 'en-US',
): { date: string; description: string; amount: string }[] {
  return [...lines]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((line) => ({
      date: formatDay(line.date, locale),
      description: line.description,
      amount: formatUsd(line.amountCents),
    }))
}

export function formatUsd(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`
}

export function statementPdf(content: StatementContent): Promise<Buffer> {
  return renderPdf('Statement', (doc) => {
    letterhead(doc, content.practiceName, 'Statement')
    for (const line of content.practiceAddress) doc.text(line)
    doc.moveDown()
    if (content.sample) {
      doc.text('Sample statement. Statements for this account are printed from the office.')
      return
    }
    doc.font('Helvetica-Bold').text(content.guarantorName).font('Helvetica')
    for (const line of content.guarantorAddress) doc.text(line)
    doc
      .moveDown()
      .text(`Statement date: ${formatDay(content.statementDate, content.locale ?? 'en-US')}`)
      .moveDown()
    const top = doc.y
    doc.font('Helvetica-Bold').text('Date', 54, top).text('Description', 150, top)
    doc.text('Amount', 450, top, { width: 100, align: 'right' }).font('Helvetica')
    for (const line of statementRows(content.lines, content.locale)) {
      const y = doc.y + 4
      doc.text(line.date, 54, y).text(line.description, 150, y, { width: 290 })
      doc.text(line.amount, 450, y, { width: 100, align: 'right' })
    }
    doc.moveDown(1.5).font('Helvetica-Bold')
    doc.text(`Amount due: ${formatUsd(content.balanceCents)}`, 54, doc.y, {
      width: 496,
      align: 'right',
    })
    doc
      .font('Helvetica')
      .moveDown(2)
      .text('Thank you. Please call the office with any questions.', 54)
  })
}
