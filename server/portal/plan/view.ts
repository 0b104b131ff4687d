import type { Static } from 'typebox'
import type { KeptView } from '../kept-body.ts'
import { keptTab, type TabRead } from '../serve-tab.ts'
import { listSavedPlans, savedPlansDependencies } from './queries.ts'
import { planTotals } from './rules.ts'
import { PlansView } from './schemas.ts'

type SavedPlan = Awaited<ReturnType<typeof listSavedPlans>>[number]

/** The Plan tab: saved treatment plans, each row with its fees and estimates, and totals. */
export function plansView(
  plans: readonly SavedPlan[],
  context: { currency: string },
): KeptView<Static<typeof PlansView>> {
  return {
    view: {
      currency: context.currency,
      plans: plans.map((plan) => ({
        id: plan.id,
        heading: plan.heading,
        date: plan.plan_date,
        note: plan.note,
        rows: plan.rows.map((row) => ({
          priority: row.priority,
          tooth: row.tooth,
          surface: row.surface,
          code: row.code,
          description: row.description,
          feeCents: row.fee_cents,
          primaryInsuranceCents: row.primary_insurance_cents,
          secondaryInsuranceCents: row.secondary_insurance_cents,
          discountCents: row.discount_cents,
          patientPortionCents: row.patient_portion_cents,
        })),
        totals: planTotals(plan.rows),
      })),
    },
  }
}

/** The Plan tab as a kept read. */
export const keptPlansTab = keptTab({
  name: 'plans-tab',
  action: 'plans.viewed',
  schema: PlansView,
  load: (db, { practiceId, patientId }: TabRead<null>) => listSavedPlans(db, practiceId, patientId),
  dependsOn: savedPlansDependencies,
  present: (plans, context: { currency: string }) => plansView(plans, context),
})
