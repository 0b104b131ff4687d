import type { Static } from 'typebox'
import type { PlansView as PlansViewSchema } from '../../../server/portal/plan/schemas.ts'

export type PlansView = Static<typeof PlansViewSchema>
export type SavedPlan = PlansView['plans'][number]
export type PlanRow = SavedPlan['rows'][number]

/** The money columns, in the order the table shows them; totals come from the server. */
export const MONEY_COLUMNS = [
  { key: 'feeCents', label: 'Fee' },
  { key: 'primaryInsuranceCents', label: 'Primary insurance estimate' },
  { key: 'secondaryInsuranceCents', label: 'Secondary insurance estimate' },
  { key: 'discountCents', label: 'Discount' },
  { key: 'patientPortionCents', label: 'Patient portion' },
] as const satisfies readonly { key: keyof SavedPlan['totals']; label: string }[]

/**
 * Marks one plan as the one to print, prints, and unmarks it afterwards. The print stylesheet
 * shows only the marked plan.
 */
export function printOnly(target: HTMLElement, win: Window = window) {
  const body = win.document.body
  body.dataset.printing = 'plan'
  target.classList.add('print-target')
  const done = () => {
    delete body.dataset.printing
    target.classList.remove('print-target')
    win.removeEventListener('afterprint', done)
  }
  win.addEventListener('afterprint', done)
  win.print()
}
