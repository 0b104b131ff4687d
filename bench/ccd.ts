/**
 * Care summary (C-CDA) figures: build and serialize for a typical and a large patient (the
 * DESIGN.md budget is < 1 ms typical), the same patient through @medplum/ccda, schema
 * validation and rendering; then, document by document (generated patients and the demo's
 * Garcias), the build time beside HL7's C-CDA R2.1 Schematron errors and warnings, with HL7's
 * own sample CCD as the bar for warnings. In-process, no server.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildCcd, buildCcdBytes } from '../server/ccd/build.ts'
import type { CareSummaryInput } from '../server/ccd/input.ts'
import { renderCcdHtml } from '../server/ccd/render-html.ts'
import { renderCcdPdf } from '../server/ccd/render-pdf.ts'
import { validateSchematron } from '../server/ccd/schematron.ts'
import { buildCareSummaryInput } from '../server/ccd/testing.ts'
import { validateCcd } from '../server/ccd/validate.ts'
import { openDatabase } from '../server/platform/db/database.ts'
import { migrate } from '../server/platform/db/migrate.ts'
import { LocalFileStorage } from '../server/platform/files/storage.ts'
import { buildSummaryInput } from '../server/portal/summary/build-input.ts'
import { demoPracticeWithGarcias } from '../server/portal/summary/demo-garcias.ts'
import { loadSummaryRows } from '../server/portal/summary/queries.ts'
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
  const schematron = await schematronByDocument([
    { name: 'typical patient', input: typical },
    { name: 'largest patient', input: large },
    { name: 'no data', input: buildCareSummaryInput({ entries: 0 }) },
    ...(await garciaInputs()).map((garcia) => ({ ...garcia, record: true })),
  ])
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

export interface SchematronFigure {
  name: string
  bytes: number
  buildMedianMs: number
  errors: number
  warnings: number
  /** One Schematron run, timed on its own: SaxonJS takes seconds, the build well under one ms. */
  schematronMs: number
  /**
   * A demo patient's record, held to the sample's warnings. Generated patients have five or sixty
   * of every entry, and most warnings are one an entry: their count says how many entries there are.
   */
  record: boolean
}

/**
 * Each document's build time (median of repeated builds) and one Schematron run outside the
 * timed loop; last, HL7's R2.1 sample CCD through the same rules (no build: it is a file).
 */
async function schematronByDocument(
  documents: { name: string; input: CareSummaryInput; record?: boolean }[],
): Promise<{ documents: SchematronFigure[]; sample: SchematronFigure }> {
  const figures: SchematronFigure[] = []
  for (const { name, input, record = false } of documents) {
    timeSync(50, () => buildCcdBytes(input))
    const build = timeSync(200, () => buildCcdBytes(input))
    const run = schematronRun(buildCcd(input))
    figures.push({ name, record, buildMedianMs: median(build), ...run })
  }
  const sampleXml = fs.readFileSync(
    path.join(import.meta.dirname, '../server/ccd/schematron/hl7-C-CDA_R2-1_CCD.xml'),
    'utf8',
  )
  return {
    documents: figures,
    sample: {
      name: "HL7's R2.1 sample CCD",
      record: false,
      buildMedianMs: 0,
      ...schematronRun(sampleXml),
    },
  }
}

function schematronRun(xml: string) {
  const started = performance.now()
  const result = validateSchematron(xml)
  return {
    bytes: Buffer.byteLength(xml),
    errors: result.errors.length,
    warnings: result.warnings.length,
    schematronMs: performance.now() - started,
  }
}

/** The demo practice's Garcias (the documents of record), in an in-memory database. */
export async function garciaInputs(): Promise<{ name: string; input: CareSummaryInput }[]> {
  const database = await openDatabase({})
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'bitewing-bench-ccd-'))
  try {
    await migrate(database)
    const { practiceId, garcias } = await demoPracticeWithGarcias(
      database.db,
      new LocalFileStorage(storage),
    )
    const family = await garcias()
    const inputs: { name: string; input: CareSummaryInput }[] = []
    for (const patient of family) {
      const rows = await loadSummaryRows(database.db, practiceId, patient.id)
      if (!rows) continue
      const input = buildSummaryInput(rows, { effectiveAt: new Date('2025-03-14T16:00:00Z') })
      inputs.push({ name: `${patient.first_name} ${patient.last_name}`, input })
    }
    return inputs
  } finally {
    await database.close()
    fs.rmSync(storage, { recursive: true, force: true })
  }
}
