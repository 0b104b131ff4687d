/**
 * What the renderers show, read from a CDA document: the header facts a reader needs first
 * (patient, practice, date) and each section's title and narrative. Both renderers use it, so
 * the HTML and the PDF say the same thing.
 */

import { formatTs, localizeNarrativeDates } from './dates.ts'
import { childElements, find, parseXml, textOf, type XmlElement } from './parse-xml.ts'
import { SECTIONS } from './templates.ts'

export interface SectionView {
  /** Anchor id, `section-allergies`; unique within the document. */
  anchor: string
  title: string
  /** The section's narrative block (`<text>`), absent when the section has none. */
  narrative: XmlElement | undefined
}

export interface CcdView {
  title: string
  effectiveTime: string
  /** The care the document covers (serviceEvent): "01/01/2021 – 31/12/2022". */
  covers: string
  /** Writes the narrative's dates in the reader's way (unchanged without a locale). */
  localize: (text: string) => string
  patient: { name: string; birthDate: string; sex: string }
  practice: { name: string; phone: string; address: string }
  sections: SectionView[]
}

const KEY_BY_LOINC = new Map<string, string>(
  Object.values(SECTIONS).map((section) => [section.loinc, section.key]),
)

const SEX: Record<string, string> = { F: 'Female', M: 'Male', UN: 'Undifferentiated' }

/** '20250314100926-0500' → '2025-03-14 10:09 (UTC-05:00)'; '19910115' → '1991-01-15'. */
export function readableTs(value: string | undefined): string {
  const match = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.\d+)?([+-]\d{4})?$/.exec(
    value ?? '',
  )
  if (!match) return 'Unknown'
  const [, year, month, day, hour, minute, , zone] = match
  let text = [year, month, day].filter(Boolean).join('-')
  if (hour) text += ` ${hour}:${minute ?? '00'}`
  if (zone) text += ` (UTC${zone.slice(0, 3)}:${zone.slice(3)})`
  return text
}

function personName(name: XmlElement | undefined): string {
  if (!name) return 'Unknown'
  const parts = childElements(name)
    .filter((part) => ['prefix', 'given', 'family', 'suffix'].includes(part.localName))
    .map((part) => textOf(part))
  return parts.join(' ') || textOf(name) || 'Unknown'
}

function addressText(addr: XmlElement | undefined): string {
  if (!addr) return ''
  return childElements(addr)
    .map((part) => textOf(part))
    .filter(Boolean)
    .join(', ')
}

function phoneText(telecoms: XmlElement[]): string {
  const tel = telecoms
    .map((t) => t.attributes.value ?? '')
    .find((value) => value.startsWith('tel:'))
  return tel ? tel.slice(4) : ''
}

function sections(document: XmlElement): SectionView[] {
  const body = find(document, 'component', 'structuredBody')
  const used = new Set<string>()
  const out: SectionView[] = []
  for (const component of body ? childElements(body, 'component') : []) {
    const section = find(component, 'section')
    if (!section) continue
    const loinc = find(section, 'code')?.attributes.code ?? ''
    let anchor = `section-${KEY_BY_LOINC.get(loinc) ?? out.length + 1}`
    if (used.has(anchor)) anchor = `${anchor}-${out.length + 1}`
    used.add(anchor)
    out.push({
      anchor,
      title: textOf(find(section, 'title')) || 'Untitled section',
      narrative: find(section, 'text'),
    })
  }
  return out
}

/**
 * The header facts and sections of a CCD. With the reader's `locale` its dates are theirs
 * (en-CA dd/mm/yyyy); without one they are ISO-like, as the document's values are.
 */
export function readCcd(xml: string, locale?: string): CcdView {
  const document = parseXml(xml)
  const when = (value: string | undefined) => (locale ? formatTs(value, locale) : readableTs(value))
  const service = find(document, 'documentationOf', 'serviceEvent', 'effectiveTime')
  const low = find(service, 'low')?.attributes.value
  const high = find(service, 'high')?.attributes.value
  if (document.localName !== 'ClinicalDocument') throw new Error('Not a CDA ClinicalDocument')
  const patientRole = find(document, 'recordTarget', 'patientRole')
  const patient = find(patientRole, 'patient')
  const names = patient ? childElements(patient, 'name') : []
  const legal = names.find((name) => name.attributes.use === 'L') ?? names[0]
  const gender = find(patient, 'administrativeGenderCode')?.attributes.code ?? ''
  const custodian = find(
    document,
    'custodian',
    'assignedCustodian',
    'representedCustodianOrganization',
  )
  return {
    title: textOf(find(document, 'title')) || 'Care summary',
    effectiveTime: when(find(document, 'effectiveTime')?.attributes.value),
    covers: service ? `${when(low)} – ${when(high)}` : '',
    localize: locale ? (text) => localizeNarrativeDates(text, locale) : (text) => text,
    patient: {
      name: personName(legal),
      birthDate: when(find(patient, 'birthTime')?.attributes.value),
      sex: SEX[gender] ?? 'Unknown',
    },
    practice: {
      name: textOf(find(custodian, 'name')) || 'Unknown',
      phone: phoneText(custodian ? childElements(custodian, 'telecom') : []),
      address: addressText(find(custodian, 'addr')),
    },
    sections: sections(document),
  }
}
