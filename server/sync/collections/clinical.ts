import { type Static, type TObject, type TProperties, Type } from 'typebox'
import type { SyncCollection } from '../collection.ts'
import {
  type FieldColumns,
  type Reference,
  type TableCollectionSpec,
  tableCollection,
} from '../table-collection.ts'
import { Cents, Day, FreeText, Instant, Opt, RefTo, SyncRecord, Text } from './fields.ts'

/**
 * The chart a care summary (C-CDA) is built from: one collection per table, each row a patient's.
 * Codes are sent as the tables hold them (SNOMED CT, ICD-10-CM, RxNorm, CVX, LOINC, CDT); a
 * deleted row is gone from the next summary, while summaries already made stay as they were made.
 */

const Code = Text(40)
const ClinicalStatus = Type.Optional(Type.Enum(['Active', 'Resolved', 'Inactive', 'Completed']))
const Measure = (maximum: number, description: string) =>
  Opt(Type.Number({ minimum: 0, maximum, description }))
const Count = (maximum: number, description: string) =>
  Opt(Type.Integer({ minimum: 0, maximum, description }))

/** Where an encounter or a procedure happened: the visit and who saw the patient, if known. */
const VISIT_FIELDS = {
  appointmentExternalId: Opt(RefTo('appointments')),
  providerExternalId: Opt(RefTo('providers')),
}
const VISIT_REFERENCES = {
  appointmentExternalId: ['appointments', 'appointment_id'],
  providerExternalId: ['providers', 'provider_id'],
} as const satisfies Record<keyof typeof VISIT_FIELDS, Reference>

interface ClinicalSpec<P extends TProperties> {
  name: string
  table: string
  $id: string
  /** The row's fields besides `patientExternalId`, which every clinical row has. */
  fields: P
  columns: FieldColumns<keyof P & string>
  references?: Partial<Record<keyof P & string, Reference>>
  example: Omit<Static<TObject<P>>, 'patientExternalId'>
}

function clinicalCollection<P extends TProperties>(spec: ClinicalSpec<P>): SyncCollection {
  const schema = SyncRecord(spec.$id, { patientExternalId: RefTo('patients'), ...spec.fields })
  const declared: TableCollectionSpec<TObject> = {
    name: spec.name,
    table: spec.table,
    schema,
    example: { patientExternalId: 'example', ...spec.example },
    columns: spec.columns,
    references: { patientExternalId: ['patients', 'patient_id'], ...spec.references },
  }
  return tableCollection(declared) as unknown as SyncCollection
}

export const clinicalCollections: SyncCollection[] = [
  clinicalCollection({
    name: 'problems',
    table: 'problems',
    $id: 'SyncProblem',
    fields: {
      description: Text(500),
      snomedCode: Opt(Code),
      icd10Code: Opt(Code),
      onsetDate: Opt(Day),
      resolvedDate: Opt(Day),
      status: ClinicalStatus,
    },
    columns: ['description', 'snomedCode', 'icd10Code', 'onsetDate', 'resolvedDate', 'status'],
    example: {
      description: 'Dental caries',
      snomedCode: '80967001',
      icd10Code: 'K02.9',
      onsetDate: '2025-11-04',
      status: 'Active',
    },
  }),
  clinicalCollection({
    name: 'medications',
    table: 'medications',
    $id: 'SyncMedication',
    fields: {
      description: Text(500),
      rxnormCode: Opt(Code),
      instructions: Opt(FreeText(1000)),
      startDate: Opt(Day),
      stopDate: Opt(Day),
      status: ClinicalStatus,
    },
    columns: ['description', 'rxnormCode', 'instructions', 'startDate', 'stopDate', 'status'],
    example: {
      description: 'Amoxicillin 500 MG Oral Capsule',
      rxnormCode: '308191',
      instructions: 'One capsule three times a day for 7 days',
      startDate: '2026-01-12',
      status: 'Completed',
    },
  }),
  clinicalCollection({
    name: 'allergies',
    table: 'allergies',
    $id: 'SyncAllergy',
    fields: {
      allergen: Text(200),
      allergenCode: Opt(Code),
      allergenCodeSystem: Opt(Type.Enum(['RxNorm', 'UNII', 'SNOMED CT'])),
      reaction: Opt(Text(200)),
      reactionSnomedCode: Opt(Code),
      severity: Opt(Text(40)),
      onsetDate: Opt(Day),
      status: ClinicalStatus,
    },
    columns: [
      'allergen',
      'allergenCode',
      'allergenCodeSystem',
      'reaction',
      'reactionSnomedCode',
      'severity',
      'onsetDate',
      'status',
    ],
    example: {
      allergen: 'Penicillin G',
      allergenCode: '7980',
      allergenCodeSystem: 'RxNorm',
      reaction: 'Hives',
      reactionSnomedCode: '247472004',
      severity: 'moderate',
      status: 'Active',
    },
  }),
  clinicalCollection({
    name: 'immunizations',
    table: 'immunizations',
    $id: 'SyncImmunization',
    fields: {
      cvxCode: Code,
      vaccine: Text(200),
      administeredOn: Day,
      status: Type.Optional(Type.Enum(['Completed', 'Refused', 'NotAdministered'])),
      lotNumber: Opt(Text(40)),
      manufacturer: Opt(Text(200)),
      refusalReason: Opt(Text(200)),
    },
    columns: [
      'cvxCode',
      'vaccine',
      'administeredOn',
      'status',
      'lotNumber',
      'manufacturer',
      'refusalReason',
    ],
    example: {
      cvxCode: '140',
      vaccine: 'Influenza, seasonal, injectable, preservative free',
      administeredOn: '2025-10-15',
      status: 'Completed',
    },
  }),
  clinicalCollection({
    name: 'vital-signs',
    table: 'vital_signs',
    $id: 'SyncVitalSigns',
    fields: {
      measuredAt: Instant,
      heightCm: Measure(300, 'centimetres'),
      weightKg: Measure(700, 'kilograms'),
      bmi: Measure(200, 'kg/m²'),
      systolicMmHg: Count(400, 'mm[Hg]'),
      diastolicMmHg: Count(300, 'mm[Hg]'),
      pulsePerMin: Count(400, 'beats per minute'),
      temperatureC: Measure(50, 'degrees Celsius'),
      respiratoryRatePerMin: Count(200, 'breaths per minute'),
      oxygenSaturationPct: Measure(100, 'percent'),
    },
    columns: {
      measuredAt: 'measured_at',
      heightCm: 'height_cm',
      weightKg: 'weight_kg',
      bmi: 'bmi',
      systolicMmHg: 'systolic_mmhg',
      diastolicMmHg: 'diastolic_mmhg',
      pulsePerMin: 'pulse_per_min',
      temperatureC: 'temperature_c',
      respiratoryRatePerMin: 'respiratory_rate_per_min',
      oxygenSaturationPct: 'oxygen_saturation_pct',
    },
    example: {
      measuredAt: '2026-01-12T14:30:00.000Z',
      systolicMmHg: 118,
      diastolicMmHg: 76,
      pulsePerMin: 68,
    },
  }),
  clinicalCollection({
    name: 'results',
    table: 'lab_results',
    $id: 'SyncResult',
    fields: {
      loincCode: Code,
      testName: Text(200),
      value: Text(200),
      unit: Opt(Text(40)),
      referenceRange: Opt(Text(100)),
      interpretation: Opt(Text(40)),
      observedAt: Instant,
    },
    columns: [
      'loincCode',
      'testName',
      'value',
      'unit',
      'referenceRange',
      'interpretation',
      'observedAt',
    ],
    example: {
      loincCode: '4548-4',
      testName: 'Hemoglobin A1c',
      value: '5.4',
      unit: '%',
      referenceRange: '4.0-5.6',
      interpretation: 'N',
      observedAt: '2026-01-05T09:00:00.000Z',
    },
  }),
  clinicalCollection({
    name: 'social-history',
    table: 'smoking_statuses',
    $id: 'SyncSocialHistory',
    fields: {
      snomedCode: Code,
      description: Text(200),
      recordedOn: Day,
    },
    columns: ['snomedCode', 'description', 'recordedOn'],
    example: { snomedCode: '266919005', description: 'Never smoker', recordedOn: '2026-01-12' },
  }),
  clinicalCollection({
    name: 'encounters',
    table: 'encounters',
    $id: 'SyncEncounter',
    fields: {
      date: Day,
      description: Text(200),
      code: Opt(Code),
      codeSystem: Opt(Text(20)),
      ...VISIT_FIELDS,
      clinicExternalId: Opt(RefTo('clinics')),
    },
    columns: {
      date: 'encounter_date',
      description: 'description',
      code: 'code',
      codeSystem: 'code_system',
    },
    references: { ...VISIT_REFERENCES, clinicExternalId: ['clinics', 'clinic_id'] },
    example: {
      date: '2026-01-12',
      description: 'Periodic oral evaluation',
      code: 'D0120',
      codeSystem: 'CDT',
      providerExternalId: 'example',
      clinicExternalId: 'example',
    },
  }),
  clinicalCollection({
    name: 'clinical-procedures',
    table: 'clinical_procedures',
    $id: 'SyncClinicalProcedure',
    fields: {
      code: Code,
      codeSystem: Type.Optional(Type.Enum(['CDT', 'CPT', 'SNOMEDCT'])),
      description: Text(500),
      tooth: Opt(Text(10)),
      surface: Opt(Text(10)),
      performedOn: Day,
      status: Type.Optional(Type.Enum(['Complete', 'Existing', 'Planned'])),
      feeCents: Type.Optional(Cents),
      ...VISIT_FIELDS,
    },
    columns: [
      'code',
      'codeSystem',
      'description',
      'tooth',
      'surface',
      'performedOn',
      'status',
      'feeCents',
    ],
    references: VISIT_REFERENCES,
    example: {
      code: 'D2392',
      codeSystem: 'CDT',
      description: 'Resin-based composite – two surfaces, posterior',
      tooth: '14',
      surface: 'MO',
      performedOn: '2026-01-12',
      status: 'Complete',
      feeCents: 19_910,
      providerExternalId: 'example',
    },
  }),
]
