/**
 * Whether the online payment flow exists in this build. It arrives with its own issue; until
 * then the sign-in page hides Make payment rather than showing a link that goes nowhere.
 */
export const ONLINE_PAYMENTS_BUILT = false

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

function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s\-']+/g, ' ')
    .trim()
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{2,39}$/i

/** Why a user name a patient or staff member chose is not allowed, or undefined. */
export function usernameProblem(username: string): string | undefined {
  if (username.length < 3) return 'Use at least 3 characters.'
  if (username.length > 40) return 'Use at most 40 characters.'
  if (!USERNAME_PATTERN.test(username)) {
    return 'Use letters, digits and . _ - @ only, starting with a letter or digit.'
  }
  return undefined
}

/** A suggested user name for office-issued access: the first name, ASCII, plus digits. */
export function suggestedUsername(firstName: string, digits: string): string {
  const base = firstName
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 30)
  return `${base || 'patient'}${digits}`
}
