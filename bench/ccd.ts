/**
 * Care summary (C-CDA) figures: build and serialize for a typical and a large patient (the
 * DESIGN.md budget is < 1 ms typical), the same patient through @medplum/ccda, schema
 * validation and rendering. In-process, no server.
 */
import { buildCcd, buildCcdBytes } from '../server/ccd/build.ts'
import { renderCcdHtml } from '../server/ccd/render-html.ts'
import { renderCcdPdf } from '../server/ccd/render-pdf.ts'
import { validateSchematron } from '../server/ccd/schematron.ts'
import { buildCareSummaryInput } from '../server/ccd/testing.ts'
import { validateCcd } from '../server/ccd/validate.ts'
import { benchMedplum } from './medplum.ts'
import { median } from './stats.ts'
import { timeAsync, timeSync } from './timing.ts'

export async function benchCcd() {
  // Typical: five of everything (allergies, medications, problems, results, vital signs,
  // immunizations, procedures, encounters, planned procedures). Large: sixty of each.
  const typical = buildCareSummaryInput({ entries: 5 })
  const large = buildCareSummaryInput({ entries: 60, seed: 9 })
  // Bytes are what a summary is stored, hashed and sent as (server/portal/summary/create.ts).
  timeSync(500, () => buildCcdBytes(typical)) // warm up the JIT
  const buildTypical = timeSync(2000, () => buildCcdBytes(typical))
  timeSync(20, () => buildCcdBytes(large))
  const buildLarge = timeSync(100, () => buildCcdBytes(large))
  timeSync(200, () => buildCcd(typical))
  const stringTypical = timeSync(1000, () => buildCcd(typical))
  const typicalXml = buildCcd(typical)
  const largeXml = buildCcd(large)
  const medplum = await benchMedplum()
  const validateTypical = await timeAsync(5, () => validateCcd(typicalXml))
  const validateLarge = await timeAsync(3, () => validateCcd(largeXml))
  const renderHtml = timeSync(20, () => renderCcdHtml(typicalXml))
  const renderPdf = await timeAsync(5, () => renderCcdPdf(typicalXml))
  // HL7's C-CDA R2.1 Schematron: errors must be 0; warnings are SHOULDs the PMS has no data for.
  const schematron = (['typical', 'no data'] as const).map((name) => {
    const input = name === 'typical' ? typical : buildCareSummaryInput({ entries: 0 })
    const started = performance.now()
    const result = validateSchematron(buildCcd(input))
    const ms = performance.now() - started
    return { name, errors: result.errors.length, warnings: result.warnings.length, ms }
  })
  return {
    schematron,
    typicalBytes: Buffer.byteLength(typicalXml),
    largeBytes: Buffer.byteLength(largeXml),
    buildTypicalMedianMs: median(buildTypical),
    buildLargeMedianMs: median(buildLarge),
    buildStringTypicalMedianMs: median(stringTypical),
    medplum,
    validateTypicalMedianMs: median(validateTypical),
    validateLargeMedianMs: median(validateLarge),
    renderHtmlTypicalMedianMs: median(renderHtml),
    renderPdfTypicalMedianMs: median(renderPdf),
  }
}
