import type { Static } from 'typebox'
import type { PlansView as PlansViewSchema } from '../../../server/portal/plan/schemas.ts'
import type { MessageId } from '../../ui/i18n/i18n.tsx'

export type PlansView = Static<typeof PlansViewSchema>
export type SavedPlan = PlansView['plans'][number]
export type PlanRow = SavedPlan['rows'][number]

/** The money columns, in the order the table shows them; totals come from the server. */
export const MONEY_COLUMNS = [
  { key: 'feeCents', label: 'plan.fee' },
  { key: 'primaryInsuranceCents', label: 'plan.primaryInsurance' },
  { key: 'secondaryInsuranceCents', label: 'plan.secondaryInsurance' },
  { key: 'discountCents', label: 'plan.discount' },
  { key: 'patientPortionCents', label: 'plan.patientPortion' },
] as const satisfies readonly { key: keyof SavedPlan['totals']; label: MessageId }[]

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
