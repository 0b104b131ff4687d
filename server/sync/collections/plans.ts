import { Type } from 'typebox'
import { tableCollection } from '../table-collection.ts'
import { Day, FreeText, Opt, RefTo, SyncRecord, Text } from './fields.ts'

const Amount = Type.Integer({ minimum: 0, maximum: 100_000_000_00, description: 'cents' })

const PlanRow = Type.Object(
  {
    priority: Opt(Text(40)),
    tooth: Opt(Text(10)),
    surface: Opt(Text(10)),
    code: Text(20),
    description: Text(500),
    feeCents: Type.Optional(Amount),
    primaryInsuranceCents: Type.Optional(Amount),
    secondaryInsuranceCents: Type.Optional(Amount),
    discountCents: Type.Optional(Amount),
    patientPortionCents: Type.Optional(Amount),
  },
  { additionalProperties: false },
)

/**
 * A treatment plan with its rows in plan order. Only Saved plans reach the portal (SPEC: Plan);
 * Active is the PMS's working plan and Inactive an old one, both kept from patients.
 */
export const SyncTreatmentPlan = SyncRecord('SyncTreatmentPlan', {
  patientExternalId: RefTo('patients'),
  heading: Text(200),
  planDate: Day,
  note: Opt(FreeText()),
  status: Type.Enum(['Saved', 'Active', 'Inactive']),
  rows: Type.Array(PlanRow, { maxItems: 500 }),
})

export const treatmentPlans = tableCollection({
  name: 'treatment-plans',
  table: 'treatment_plans',
  schema: SyncTreatmentPlan,
  example: {
    patientExternalId: 'example',
    heading: 'Crown and filling',
    planDate: '2026-02-01',
    status: 'Saved',
    rows: [
      {
        priority: '1',
        tooth: '30',
        code: 'D2740',
        description: 'Crown – porcelain/ceramic',
        feeCents: 115_000,
        primaryInsuranceCents: 57_500,
        secondaryInsuranceCents: 0,
        discountCents: 0,
        patientPortionCents: 57_500,
      },
    ],
  },
  columns: ['heading', 'planDate', 'note', 'status'],
  references: { patientExternalId: ['patients', 'patient_id'] },
  children: [
    {
      field: 'rows',
      table: 'treatment_plan_rows',
      parentColumn: 'treatment_plan_id',
      columns: [
        'priority',
        'tooth',
        'surface',
        'code',
        'description',
        'feeCents',
        'primaryInsuranceCents',
        'secondaryInsuranceCents',
        'discountCents',
        'patientPortionCents',
      ],
      defaults: {
        feeCents: 0,
        primaryInsuranceCents: 0,
        secondaryInsuranceCents: 0,
        discountCents: 0,
        patientPortionCents: 0,
      },
      orderColumn: 'row_order',
    },
  ],
})
