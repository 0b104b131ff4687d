/**
 * Care summary (C-CDA) figures: build and serialize for a typical and a large patient (the
 * DESIGN.md budget is < 1 ms typical), schema validation and rendering. In-process, no server.
 */
import { buildCcd } from '../server/ccd/build.ts'
import { renderCcdHtml } from '../server/ccd/render-html.ts'
import { renderCcdPdf } from '../server/ccd/render-pdf.ts'
import { buildCareSummaryInput } from '../server/ccd/testing.ts'
import { validateCcd } from '../server/ccd/validate.ts'
import { median } from './stats.ts'

function timeSync(runs: number, work: () => unknown): number[] {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    work()
    times.push(performance.now() - started)
  }
  return times
}

async function timeAsync(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    await work()
    times.push(performance.now() - started)
  }
  return times
}

export async function benchCcd() {
  // Typical: five of everything (allergies, medications, problems, results, vital signs,
  // immunizations, procedures, encounters, planned procedures). Large: sixty of each.
  const typical = buildCareSummaryInput({ entries: 5 })
  const large = buildCareSummaryInput({ entries: 60, seed: 9 })
  timeSync(500, () => buildCcd(typical)) // warm up the JIT
  const buildTypical = timeSync(2000, () => buildCcd(typical))
  timeSync(20, () => buildCcd(large))
  const buildLarge = timeSync(100, () => buildCcd(large))
  // What storing or sending needs next: the UTF-8 bytes.
  const bytesTypical = timeSync(500, () => Buffer.from(buildCcd(typical), 'utf8'))
  const typicalXml = buildCcd(typical)
  const largeXml = buildCcd(large)
  const validateTypical = await timeAsync(5, () => validateCcd(typicalXml))
  const validateLarge = await timeAsync(3, () => validateCcd(largeXml))
  const renderHtml = timeSync(20, () => renderCcdHtml(typicalXml))
  const renderPdf = await timeAsync(5, () => renderCcdPdf(typicalXml))
  return {
    typicalBytes: Buffer.byteLength(typicalXml),
    largeBytes: Buffer.byteLength(largeXml),
    buildTypicalMedianMs: median(buildTypical),
    buildLargeMedianMs: median(buildLarge),
    buildAndEncodeTypicalMedianMs: median(bytesTypical),
    validateTypicalMedianMs: median(validateTypical),
    validateLargeMedianMs: median(validateLarge),
    renderHtmlTypicalMedianMs: median(renderHtml),
    renderPdfTypicalMedianMs: median(renderPdf),
  }
}
