/**
 * Whether the online payment flow exists in this build. It arrives with its own issue; until
 * then the sign-in page hides Make payment rather than showing a link that goes nowhere.
 */
export const ONLINE_PAYMENTS_BUILT = true

export interface PaymentSetup {
  featureOn: boolean
  practiceProcessor: string | null
  clinicsAcceptingPayments: number
}

/** Make payment is offered when the practice, or any of its clinics, takes payments online. */
export function offersOnlinePayments(setup: PaymentSetup, built = ONLINE_PAYMENTS_BUILT): boolean {
  if (!built || !setup.featureOn) return false
  return setup.practiceProcessor !== null || setup.clinicsAcceptingPayments > 0
}

/** Compares names the way people write them: case, accents and extra spaces do not matter. */
export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b)
}

export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s\-']+/g, ' ')
    .trim()
}
