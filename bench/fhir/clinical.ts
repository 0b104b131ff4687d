/**
 * The clinical lists of a care summary as FHIR R4 resources, one function per list. Medications
 * are MedicationRequests (US Core's medication list; @medplum/ccda converts no
 * MedicationStatement) and planned procedures are ServiceRequests with intent "plan".
 */
import type {
  AllergyIntolerance,
  CodeableConcept,
  Condition,
  Encounter as FhirEncounter,
  Immunization as FhirImmunization,
  MedicationRequest,
  Observation,
  Procedure,
  ServiceRequest,
} from '@medplum/fhirtypes'
import type {
  Allergy,
  DentalProcedure,
  Encounter,
  Immunization,
  Instant,
  LabResult,
  Medication,
  PlannedProcedure,
  Problem,
  SmokingStatus,
  VitalSigns,
} from '../../server/ccd/input.ts'
import { codeSystemOid, OID } from '../../server/ccd/templates.ts'
import { FHIR, fhirSystem } from './systems.ts'

type Maybe<T> = T | null | undefined

/** Who every clinical resource is about, and where encounters happen by default. */
export interface Subject {
  patient: string
  location: string
}

function concept(system: string, code: Maybe<string>, text: string): CodeableConcept {
  return code ? { coding: [{ system, code, display: text }], text } : { text }
}

function instant(value: Instant): string {
  return value instanceof Date ? value.toISOString() : value
}

// Codes both allergyintolerance-clinical and condition-clinical define.
const CLINICAL = {
  Active: 'active',
  Resolved: 'resolved',
  Inactive: 'inactive',
  Completed: 'resolved',
} as const
const SEVERITIES = new Set(['mild', 'moderate', 'severe'])

export function allergyResource(allergy: Allergy, subject: Subject): AllergyIntolerance {
  const severity = allergy.severity?.trim().toLowerCase()
  const system = fhirSystem(codeSystemOid(allergy.allergenCodeSystem, OID.rxnorm))
  return {
    resourceType: 'AllergyIntolerance',
    id: `allergy-${allergy.id}`,
    clinicalStatus: {
      coding: [{ system: FHIR.allergyClinical, code: CLINICAL[allergy.status] }],
    },
    type: 'allergy',
    code: concept(system, allergy.allergenCode, allergy.allergen),
    patient: { reference: subject.patient },
    onsetDateTime: allergy.onsetDate ?? undefined,
    reaction: allergy.reaction
      ? [
          {
            manifestation: [concept(FHIR.snomed, allergy.reactionSnomedCode, allergy.reaction)],
            severity:
              severity && SEVERITIES.has(severity)
                ? (severity as 'mild' | 'moderate' | 'severe')
                : undefined,
          },
        ]
      : undefined,
  }
}

export function medicationResource(medication: Medication, subject: Subject): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: `medication-${medication.id}`,
    status: medication.status === 'Active' ? 'active' : 'completed',
    intent: 'order',
    reportedBoolean: true,
    medicationCodeableConcept: concept(FHIR.rxnorm, medication.rxnormCode, medication.description),
    subject: { reference: subject.patient },
    dosageInstruction: medication.instructions ? [{ text: medication.instructions }] : undefined,
    dispenseRequest: {
      validityPeriod: {
        start: medication.startDate ?? undefined,
        end: medication.stopDate ?? undefined,
      },
    },
  }
}

export function problemResource(problem: Problem, subject: Subject): Condition {
  const coding = [
    ...(problem.snomedCode
      ? [{ system: FHIR.snomed, code: problem.snomedCode, display: problem.description }]
      : []),
    ...(problem.icd10Code
      ? [{ system: FHIR.icd10cm, code: problem.icd10Code, display: problem.description }]
      : []),
  ]
  return {
    resourceType: 'Condition',
    id: `problem-${problem.id}`,
    clinicalStatus: {
      coding: [{ system: FHIR.conditionClinical, code: CLINICAL[problem.status] }],
    },
    category: [{ coding: [{ system: FHIR.conditionCategory, code: 'problem-list-item' }] }],
    code: coding.length > 0 ? { coding, text: problem.description } : { text: problem.description },
    subject: { reference: subject.patient },
    onsetDateTime: problem.onsetDate ?? undefined,
    abatementDateTime: problem.resolvedDate ?? undefined,
  }
}

function observationCategory(code: string) {
  return [{ coding: [{ system: FHIR.observationCategory, code }] }]
}

/** What every observation here shares: final, in a category, a LOINC code, about the subject. */
function loincObservation(
  id: string,
  category: string,
  loinc: string,
  name: string,
  subject: Subject,
) {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: observationCategory(category),
    code: concept(FHIR.loinc, loinc, name),
    subject: { reference: subject.patient },
  } as const
}

export function resultResource(result: LabResult, subject: Subject): Observation {
  const numeric = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(result.value.trim())
  return {
    ...loincObservation(
      `result-${result.id}`,
      'laboratory',
      result.loincCode,
      result.testName,
      subject,
    ),
    effectiveDateTime: instant(result.observedAt),
    ...(numeric
      ? {
          valueQuantity: {
            value: Number(result.value),
            unit: result.unit ?? '1',
            system: FHIR.ucum,
            code: result.unit ?? '1',
          },
        }
      : { valueString: result.unit ? `${result.value} ${result.unit}` : result.value }),
    referenceRange: result.referenceRange ? [{ text: result.referenceRange }] : undefined,
  }
}

const VITAL_SIGNS = [
  ['heightCm', '8302-2', 'Body height', 'cm'],
  ['weightKg', '29463-7', 'Body weight', 'kg'],
  ['bmi', '39156-5', 'Body mass index', 'kg/m2'],
  ['systolicMmHg', '8480-6', 'Systolic blood pressure', 'mm[Hg]'],
  ['diastolicMmHg', '8462-4', 'Diastolic blood pressure', 'mm[Hg]'],
  ['pulsePerMin', '8867-4', 'Heart rate', '/min'],
  ['temperatureC', '8310-5', 'Body temperature', 'Cel'],
  ['respiratoryRatePerMin', '9279-1', 'Respiratory rate', '/min'],
  ['oxygenSaturationPct', '59408-5', 'Oxygen saturation by pulse oximetry', '%'],
] as const

/** A vital signs panel (LOINC 85353-1) and one member observation per measurement. */
export function vitalSignsResources(record: VitalSigns, subject: Subject): Observation[] {
  const effectiveDateTime = instant(record.measuredAt)
  const members: Observation[] = []
  for (const [key, loinc, name, unit] of VITAL_SIGNS) {
    const value = record[key]
    if (typeof value !== 'number' || !Number.isFinite(value)) continue
    members.push({
      ...loincObservation(`vital-${record.id}-${key}`, 'vital-signs', loinc, name, subject),
      effectiveDateTime,
      valueQuantity: { value: Math.round(value * 100) / 100, unit, system: FHIR.ucum, code: unit },
    })
  }
  if (members.length === 0) return []
  const panel: Observation = {
    ...loincObservation(
      `vitals-${record.id}`,
      'vital-signs',
      '85353-1',
      'Vital signs panel',
      subject,
    ),
    effectiveDateTime,
    hasMember: members.map((member) => ({ reference: `Observation/${member.id}` })),
  }
  return [panel, ...members]
}

const NOT_GIVEN_REASON: Record<string, string> = { Refused: 'PATOBJ' }

export function immunizationResource(item: Immunization, subject: Subject): FhirImmunization {
  const given = item.status === 'Completed'
  const reason = NOT_GIVEN_REASON[item.status]
  return {
    resourceType: 'Immunization',
    id: `immunization-${item.id}`,
    status: given ? 'completed' : 'not-done',
    statusReason:
      !given && reason ? { coding: [{ system: FHIR.actReason, code: reason }] } : undefined,
    vaccineCode: concept(FHIR.cvx, item.cvxCode, item.vaccine),
    patient: { reference: subject.patient },
    occurrenceDateTime: item.administeredOn,
    lotNumber: item.lotNumber ?? undefined,
    manufacturer: item.manufacturer ? { display: item.manufacturer } : undefined,
    primarySource: true,
  }
}

function toothSite(tooth: Maybe<string>, surface: Maybe<string>): CodeableConcept[] | undefined {
  if (!tooth) return undefined
  return [{ text: surface ? `Tooth ${tooth}, surface ${surface}` : `Tooth ${tooth}` }]
}

export function procedureResource(procedure: DentalProcedure, subject: Subject): Procedure {
  const system = fhirSystem(codeSystemOid(procedure.codeSystem, OID.cdt))
  return {
    resourceType: 'Procedure',
    id: `procedure-${procedure.id}`,
    status: 'completed',
    code: concept(system, procedure.code, procedure.description),
    subject: { reference: subject.patient },
    performedDateTime: procedure.performedOn,
    performer: procedure.providerId
      ? [{ actor: { reference: `Practitioner/${procedure.providerId}` } }]
      : undefined,
    bodySite: toothSite(procedure.tooth, procedure.surface),
  }
}

export function encounterResource(encounter: Encounter, subject: Subject): FhirEncounter {
  const system = fhirSystem(codeSystemOid(encounter.codeSystem, OID.cpt))
  return {
    resourceType: 'Encounter',
    id: `encounter-${encounter.id}`,
    status: 'finished',
    class: { system: FHIR.actCode, code: 'AMB', display: 'ambulatory' },
    type: [concept(system, encounter.code, encounter.description)],
    subject: { reference: subject.patient },
    period: { start: encounter.date, end: encounter.date },
    participant: encounter.providerId
      ? [{ individual: { reference: `Practitioner/${encounter.providerId}` } }]
      : undefined,
    location: [
      {
        location: {
          reference: encounter.location ? `Location/${encounter.location.id}` : subject.location,
        },
      },
    ],
  }
}

export function smokingStatusResource(status: SmokingStatus, subject: Subject): Observation {
  return {
    ...loincObservation(
      `smoking-${status.id}`,
      'social-history',
      '72166-2',
      'Tobacco smoking status',
      subject,
    ),
    effectiveDateTime: status.recordedOn,
    valueCodeableConcept: concept(FHIR.snomed, status.snomedCode, status.description),
  }
}

/** The birth sex as the Social History observation our document also writes. */
export function birthSexResource(birthSex: 'F' | 'M' | 'U', at: Instant, subject: Subject) {
  const observation: Observation = {
    ...loincObservation('birth-sex', 'social-history', '76689-9', 'Sex assigned at birth', subject),
    effectiveDateTime: instant(at),
    valueCodeableConcept:
      birthSex === 'U'
        ? concept(FHIR.nullFlavor, 'UNK', 'Unknown')
        : concept(FHIR.administrativeGender, birthSex, birthSex === 'F' ? 'Female' : 'Male'),
  }
  return observation
}

export function plannedProcedureResource(
  procedure: PlannedProcedure,
  subject: Subject,
): ServiceRequest {
  const system = fhirSystem(codeSystemOid(procedure.codeSystem, OID.cdt))
  return {
    resourceType: 'ServiceRequest',
    id: `planned-${procedure.id}`,
    status: 'active',
    intent: 'plan',
    code: concept(system, procedure.code, procedure.description),
    subject: { reference: subject.patient },
    authoredOn: procedure.planDate,
    bodySite: toothSite(procedure.tooth, procedure.surface),
    note: [{ text: procedure.planHeading }],
  }
}
