import type { Static } from 'typebox'
import type { AccountView as AccountViewSchema } from '../../../server/portal/account/schemas.ts'
import type { Translate } from '../../ui/i18n/i18n.tsx'

export type AccountView = Static<typeof AccountViewSchema>
export type Statement = AccountView['statements'][number]
export type Payment = AccountView['payments'][number]

/**
 * The sentence above the statements saying whose account they are, or nothing when it is the
 * selected patient's own.
 */
export function accountOwnerLine(
  view: Pick<AccountView, 'holder' | 'visible'>,
  t: Translate,
): string | null {
  if (view.holder.isSelectedPatient) return null
  const name = view.holder.name || t('account.theGuarantor')
  if (!view.visible) return t('account.ownerHidden', { name })
  return t('account.ownerLine', { name })
}

/** The addresses of a statement's PDF: shown in the browser, or saved as a file. */
export function statementPdfPath(patientId: number, statementId: number, download: boolean) {
  const base = `/api/portal/patients/${patientId}/statements/${statementId}/pdf`
  return download ? `${base}?download=true` : base
}

/** How a payment's method reads: "Credit card (Visa ····4242)". */
export function paymentMethod(payment: Pick<Payment, 'method' | 'card'>): string {
  return payment.card ? `${payment.method} (${payment.card})` : payment.method
}
