import type { Database } from '../../platform/db/database.ts'

/** Saved treatment plans only: the PMS's working (Active) and Inactive plans never reach here. */
export async function listSavedPlans(db: Database, practiceId: number, patientId: number) {
  return db
    .selectFrom('treatment_plans')
    .select(['id', 'heading', 'plan_date', 'note'])
    .where('practice_id', '=', practiceId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'Saved')
    .orderBy('plan_date', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute()
}

export async function listPlanRows(db: Database, practiceId: number, planIds: number[]) {
  if (planIds.length === 0) return []
  return db
    .selectFrom('treatment_plan_rows')
    .select([
      'treatment_plan_id',
      'row_order',
      'priority',
      'tooth',
      'surface',
      'code',
      'description',
      'fee_cents',
      'primary_insurance_cents',
      'secondary_insurance_cents',
      'discount_cents',
      'patient_portion_cents',
    ])
    .where('practice_id', '=', practiceId)
    .where('treatment_plan_id', 'in', planIds)
    .orderBy('treatment_plan_id')
    .orderBy('row_order')
    .execute()
}
