import { createContext } from './context.ts'
import { writeHeader } from './header.ts'
import { stableUuid } from './ids.ts'
import type { CareSummaryInput } from './input.ts'
import { allergiesSection } from './sections/allergies.ts'
import { encountersSection } from './sections/encounters.ts'
import { immunizationsSection } from './sections/immunizations.ts'
import { medicationsSection } from './sections/medications.ts'
import { planOfTreatmentSection } from './sections/plan-of-treatment.ts'
import { problemsSection } from './sections/problems.ts'
import { proceduresSection } from './sections/procedures.ts'
import { resultsSection } from './sections/results.ts'
import { socialHistorySection } from './sections/social-history.ts'
import { vitalSignsSection } from './sections/vital-signs.ts'
import { toMs } from './time.ts'
import type { XmlWriter } from './xml.ts'

/** Sections in document order: the order of SECTIONS (the six a CCD SHALL have among them). */
const SECTION_WRITERS = [
  allergiesSection,
  medicationsSection,
  problemsSection,
  resultsSection,
  vitalSignsSection,
  immunizationsSection,
  proceduresSection,
  encountersSection,
  socialHistorySection,
  planOfTreatmentSection,
]

/**
 * The document's id: with a caller-supplied key, stable per key; otherwise named by practice,
 * patient and effective time, so rebuilding the same summary gives the same id and a summary
 * made at another time gets another. (Hashing the whole input would cost a tenth of the budget.)
 */
export function documentId(input: CareSummaryInput): string {
  const { practice, patient, document } = input
  if (document.id) return stableUuid('document', practice.id, document.id)
  return stableUuid('document', practice.id, patient.id, String(toMs(document.effectiveAt)))
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

function writeCcd(input: CareSummaryInput): XmlWriter {
  const ctx = createContext(input)
  const { w } = ctx
  w.raw(XML_DECLARATION)
  w.start('ClinicalDocument', {
    xmlns: 'urn:hl7-org:v3',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xmlns:sdtc': 'urn:hl7-org:sdtc',
  })
  writeHeader(ctx, documentId(input))
  w.start('component').start('structuredBody')
  for (const writeSection of SECTION_WRITERS) writeSection(ctx)
  w.end().end().end()
  return w
}

/** Builds a C-CDA R2.1 Continuity of Care Document. Pure: same input, same bytes. */
export function buildCcd(input: CareSummaryInput): string {
  return writeCcd(input).toString()
}

/** The same document as UTF-8 bytes, as it is stored and sent (no string in between). */
export function buildCcdBytes(input: CareSummaryInput): Buffer {
  return writeCcd(input).toBytes()
}
