/**
 * The standards' identifiers as data: code system OIDs, C-CDA template ids and LOINC section
 * codes. Builders name these constants instead of repeating dotted numbers, so a reviewer can
 * check every identifier against the C-CDA R2.1 guide in one file.
 */

export const OID = {
  loinc: '2.16.840.1.113883.6.1',
  snomed: '2.16.840.1.113883.6.96',
  rxnorm: '2.16.840.1.113883.6.88',
  unii: '2.16.840.1.113883.4.9',
  cvx: '2.16.840.1.113883.12.292',
  cdt: '2.16.840.1.113883.6.13',
  cpt: '2.16.840.1.113883.6.12',
  icd10cm: '2.16.840.1.113883.6.90',
  npi: '2.16.840.1.113883.4.6',
  nucc: '2.16.840.1.113883.6.101',
  /** ISO 3950 (FDI) tooth notation, under the ISO standards arc (as ISO 3166 is 1.0.3166). */
  iso3950: '1.0.3950',
  cdcRace: '2.16.840.1.113883.6.238',
  administrativeGender: '2.16.840.1.113883.5.1',
  confidentiality: '2.16.840.1.113883.5.25',
  actCode: '2.16.840.1.113883.5.4',
  actClass: '2.16.840.1.113883.5.6',
  actReason: '2.16.840.1.113883.5.8',
  interpretation: '2.16.840.1.113883.5.83',
  participationFunction: '2.16.840.1.113883.5.88',
  nullFlavor: '2.16.840.1.113883.5.1008',
  hl7TypeId: '2.16.840.1.113883.1.3',
} as const

/** Code system names as the C-CDA samples write them in `codeSystemName`. */
export const CODE_SYSTEM_NAME: Record<string, string> = {
  [OID.loinc]: 'LOINC',
  [OID.snomed]: 'SNOMED CT',
  [OID.rxnorm]: 'RxNorm',
  [OID.unii]: 'UNII',
  [OID.cvx]: 'CVX',
  [OID.cdt]: 'CDT',
  [OID.cpt]: 'CPT-4',
  [OID.icd10cm]: 'ICD-10-CM',
  [OID.nucc]: 'NUCC Health Care Provider Taxonomy',
  [OID.iso3950]: 'ISO 3950',
}

/** The names a PMS uses for a code system (clinical_procedures.code_system, …) → OID. */
export function codeSystemOid(name: string | null | undefined, fallback: string): string {
  switch ((name ?? '').replace(/[\s_-]/g, '').toUpperCase()) {
    case 'CDT':
      return OID.cdt
    case 'CPT':
    case 'CPT4':
      return OID.cpt
    case 'SNOMED':
    case 'SNOMEDCT':
      return OID.snomed
    case 'RXNORM':
      return OID.rxnorm
    case 'UNII':
      return OID.unii
    case 'LOINC':
      return OID.loinc
    case 'ICD10':
    case 'ICD10CM':
      return OID.icd10cm
    default:
      return fallback
  }
}

export interface TemplateId {
  root: string
  extension?: string
  /** A template first defined in R2.1 or later: no R1.1 id (without extension) to repeat. */
  newInR21?: boolean
}

const R21 = '2015-08-01'
const R20 = '2014-06-09'

export const HEADER_TEMPLATES: TemplateId[] = [
  // templateId() repeats each without the extension, for R1.1-era receivers.
  { root: '2.16.840.1.113883.10.20.22.1.1', extension: R21 },
  { root: '2.16.840.1.113883.10.20.22.1.2', extension: R21 },
]

export interface SectionDefinition {
  /** Stable key: the HTML renderer's anchor (`section-<key>`) and the narrative id prefix. */
  key: string
  templateId: TemplateId
  loinc: string
  loincName: string
  title: string
  /** Narrative for a section with nothing to report (nullFlavor NI). */
  emptyText: string
}

function section(
  key: string,
  root: string,
  extension: string,
  loinc: string,
  loincName: string,
  title: string,
  emptyText: string,
): SectionDefinition {
  return { key, templateId: { root, extension }, loinc, loincName, title, emptyText }
}

const T = '2.16.840.1.113883.10.20.22.2.'

/** CCD sections in document order: the six SHALL and the SHOULD ones a dental practice has data for. */
export const SECTIONS = {
  allergies: section(
    'allergies',
    `${T}6.1`,
    R21,
    '48765-2',
    'Allergies and adverse reactions Document',
    'Allergies and Intolerances',
    'No information about allergies is known.',
  ),
  medications: section(
    'medications',
    `${T}1.1`,
    R20,
    '10160-0',
    'History of Medication use Narrative',
    'Medications',
    'No information about medications is known.',
  ),
  problems: section(
    'problems',
    `${T}5.1`,
    R21,
    '11450-4',
    'Problem list - Reported',
    'Problems',
    'No information about problems is known.',
  ),
  results: section(
    'results',
    `${T}3.1`,
    R21,
    '30954-2',
    'Relevant diagnostic tests/laboratory data Narrative',
    'Results',
    'No test results are known.',
  ),
  vitalSigns: section(
    'vital-signs',
    `${T}4.1`,
    R21,
    '8716-3',
    'Vital signs',
    'Vital Signs',
    'No vital signs are known.',
  ),
  immunizations: section(
    'immunizations',
    `${T}2.1`,
    R21,
    '11369-6',
    'History of Immunization Narrative',
    'Immunizations',
    'No immunizations are known.',
  ),
  procedures: section(
    'procedures',
    `${T}7.1`,
    R20,
    '47519-4',
    'History of Procedures Document',
    'Procedures',
    'No procedures are known.',
  ),
  encounters: section(
    'encounters',
    `${T}22.1`,
    R21,
    '46240-8',
    'History of Hospitalizations+Outpatient visits Narrative',
    'Encounters',
    'No encounters are known.',
  ),
  socialHistory: section(
    'social-history',
    `${T}17`,
    R21,
    '29762-2',
    'Social history Narrative',
    'Social History',
    'No information about smoking status or social history is known.',
  ),
  planOfTreatment: section(
    'plan-of-treatment',
    `${T}10`,
    R20,
    '18776-5',
    'Plan of care note',
    'Plan of Treatment',
    'No planned treatment is known.',
  ),
} as const satisfies Record<string, SectionDefinition>

const E = '2.16.840.1.113883.10.20.22.4.'

/** Entry templates (clinical statements) with the versions C-CDA R2.1 requires. */
export const ENTRY = {
  allergyConcernAct: { root: `${E}30`, extension: R21 },
  allergyObservation: { root: `${E}7`, extension: R20 },
  reactionObservation: { root: `${E}9`, extension: R20 },
  severityObservation: { root: `${E}8`, extension: R20 },
  medicationActivity: { root: `${E}16`, extension: R20 },
  medicationInformation: { root: `${E}23`, extension: R20 },
  problemConcernAct: { root: `${E}3`, extension: R21 },
  problemObservation: { root: `${E}4`, extension: R21 },
  resultOrganizer: { root: `${E}1`, extension: R21 },
  resultObservation: { root: `${E}2`, extension: R21 },
  vitalSignsOrganizer: { root: `${E}26`, extension: R21 },
  vitalSignObservation: { root: `${E}27`, extension: R20 },
  immunizationActivity: { root: `${E}52`, extension: R21 },
  immunizationMedicationInformation: { root: `${E}54`, extension: R20 },
  immunizationRefusalReason: { root: `${E}53` },
  procedureActivityProcedure: { root: `${E}14`, extension: R20 },
  encounterActivity: { root: `${E}49`, extension: R21 },
  serviceDeliveryLocation: { root: `${E}32` },
  smokingStatus: { root: `${E}78`, extension: R20 },
  birthSexObservation: { root: `${E}200`, extension: '2016-06-01', newInR21: true },
  plannedProcedure: { root: `${E}41`, extension: R20 },
  authorParticipation: { root: `${E}119` },
} as const satisfies Record<string, TemplateId>
