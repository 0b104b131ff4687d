import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { compiledQuery } from '../../platform/db/compiled.ts'
import type { Database } from '../../platform/db/database.ts'
import type { Dependency } from '../../platform/db/read-cache.ts'
import { patientRows } from '../../practice/queries.ts'

export const savedPlans = compiledQuery((db, values: { practiceId: number; patientId: number }) =>
  patientRows(db, 'treatment_plans', values.practiceId, values.patientId)
    .select(['id', 'heading', 'plan_date', 'note'])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('treatment_plan_rows')
          .select([
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
          .whereRef('treatment_plan_rows.treatment_plan_id', '=', 'treatment_plans.id')
          .whereRef('treatment_plan_rows.practice_id', '=', 'treatment_plans.practice_id')
          .orderBy('treatment_plan_rows.row_order')
          .orderBy('treatment_plan_rows.id'),
      ).as('rows'),
    )
    .where('status', '=', 'Saved')
    .orderBy('plan_date', 'desc')
    .orderBy('id', 'desc')
    .limit(50),
)

/** What the Plan tab is read from. */
export function savedPlansDependencies(patientId: number): Dependency[] {
  return [
    ['treatment_plans', patientId],
    ['treatment_plan_rows', patientId],
  ]
}

/**
 * Saved treatment plans only, newest first, each with its rows in plan order (one round trip).
 * The PMS's working (Active) and Inactive plans never reach here.
 */
export async function listSavedPlans(db: Database, practiceId: number, patientId: number) {
  return savedPlans.execute(db, { practiceId, patientId })
}
