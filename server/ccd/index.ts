/** The care summary document engine: build, validate and render C-CDA R2.1 CCDs. */
export { buildCcd, buildCcdBytes, documentId } from './build.ts'
export type * from './input.ts'
export { type DateRange, summaryForRange } from './range.ts'
export { renderCcdHtml } from './render-html.ts'
export { type PdfOptions, renderCcdPdf } from './render-pdf.ts'
export { type CcdValidation, validateCcd, validateCcds } from './validate.ts'
