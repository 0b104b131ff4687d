/**
 * The printable care summary: a PDF rendered from the CDA document with pdfkit. Header facts,
 * then each section with its narrative; tables become one text line per row under a bold
 * header line, which stays readable on any page width.
 */

import type PDFKitDocument from 'pdfkit'
import { childElements, textOf as textOfElement, type XmlElement } from './parse-xml.ts'
import { type CcdView, readCcd } from './view.ts'

export interface PdfOptions {
  /**
   * A TrueType/OpenType font (path or bytes) covering the patient's script. pdfkit's built-in
   * Helvetica only has Latin-1 glyphs, so without one other characters print as '?'.
   */
  font?: string | Buffer
  boldFont?: string | Buffer
  /** The reader's locale (BCP 47): dates are written their way (en-CA dd/mm/yyyy). */
  locale?: string
}

const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'])

/** Keeps what Helvetica (WinAnsi) can draw; anything else becomes '?'. */
function latin1(text: string): string {
  let out = ''
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0
    const drawable =
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      WIN_ANSI_EXTRA.has(character)
    out += drawable ? character : '?'
  }
  return out
}

interface Fonts {
  regular: string
  bold: string
  clean: (text: string) => string
}

function narrativeLines(
  element: XmlElement,
  lines: { text: string; bold?: boolean }[],
  localize: (text: string) => string,
): void {
  const textOf = (node: XmlElement) => localize(textOfElement(node))
  for (const child of childElements(element)) {
    switch (child.localName) {
      case 'table':
        for (const part of childElements(child)) {
          for (const row of childElements(part, 'tr')) {
            const cells = childElements(row).map((cell) => textOf(cell) || '—')
            lines.push({ text: cells.join('  |  '), bold: part.localName === 'thead' })
          }
        }
        break
      case 'list':
        for (const item of childElements(child, 'item')) lines.push({ text: `• ${textOf(item)}` })
        break
      default:
        lines.push({ text: textOf(child) })
    }
  }
  const loose = element.children
    .filter((child) => typeof child === 'string')
    .join('')
    .trim()
  if (loose) lines.push({ text: localize(loose) })
}

function write(doc: PDFKit.PDFDocument, view: CcdView, fonts: Fonts): void {
  const { clean } = fonts
  doc.font(fonts.bold).fontSize(18).text(clean(view.title))
  doc.moveDown(0.5).fontSize(11)
  const facts: [string, string][] = [
    ['Patient', view.patient.name],
    ['Date of birth', view.patient.birthDate],
    ['Sex', view.patient.sex],
    ['Practice', [view.practice.name, view.practice.phone].filter(Boolean).join(', ')],
    ['Created', view.effectiveTime],
    ...(view.covers ? ([['Covers', view.covers]] as [string, string][]) : []),
  ]
  for (const [term, value] of facts) {
    doc
      .font(fonts.bold)
      .text(`${term}: `, { continued: true })
      .font(fonts.regular)
      .text(clean(value))
  }
  for (const section of view.sections) {
    doc.moveDown(1).font(fonts.bold).fontSize(14).text(clean(section.title))
    doc.moveDown(0.25).fontSize(9.5)
    const lines: { text: string; bold?: boolean }[] = []
    if (section.narrative) narrativeLines(section.narrative, lines, view.localize)
    for (const line of lines) {
      doc.font(line.bold ? fonts.bold : fonts.regular).text(clean(line.text))
    }
  }
}

/** Renders a CCD (the XML) as a PDF. */
export async function renderCcdPdf(xml: string, options: PdfOptions = {}): Promise<Buffer> {
  // Loaded on first use: a PDF is rarely asked for, and start-up should stay quick.
  const { default: PDFDocument }: { default: typeof PDFKitDocument } = await import('pdfkit')
  const view = readCcd(xml, options.locale)
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 54,
    info: {
      Title: `${view.title} — ${view.patient.name}`,
      Producer: 'Bitewing',
      Creator: 'Bitewing',
    },
  })
  let fonts: Fonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', clean: latin1 }
  if (options.font) {
    doc.registerFont('body', options.font)
    doc.registerFont('body-bold', options.boldFont ?? options.font)
    fonts = { regular: 'body', bold: 'body-bold', clean: (text) => text }
  }
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  write(doc, view, fonts)
  doc.end()
  return done
}
