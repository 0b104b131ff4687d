/**
 * The practice-wide vocabulary that the portal and the office console both speak: user names,
 * addresses and opening hours, and which code systems care summaries need. Pure: no I/O here.
 */

// --- User names ---------------------------------------------------------------------------

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

// --- National Provider Identifier --------------------------------------------------------

/**
 * Why a value is not an NPI, or undefined. An NPI is ten digits whose last is a Luhn check
 * digit computed over the prefix 80840 and the first nine (CMS, "Requirements for NPI Check
 * Digit"), so a mistyped digit is caught before it reaches a care summary.
 */
export function npiProblem(npi: string): string | undefined {
  if (!/^\d{10}$/.test(npi)) return 'An NPI is 10 digits.'
  let sum = 0
  const digits = `80840${npi}`
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0 ? undefined : 'This NPI’s check digit does not match: please check it.'
}

// --- Addresses and hours ---------------------------------------------------------------------

export interface PostalAddress {
  address1: string | null
  address2: string | null
  city: string | null
  region: string | null
  postal_code: string | null
}

/** An address as the lines printed on an envelope, skipping what is not on file. */
export function addressLines(address: PostalAddress): string[] {
  const cityLine = [address.city, address.region].filter(Boolean).join(', ')
  const lastLine = [cityLine, address.postal_code].filter(Boolean).join('  ')
  return [address.address1, address.address2, lastLine].filter(
    (line): line is string => typeof line === 'string' && line.trim() !== '',
  )
}

/** `09:00:00` from the database → `09:00`, which the browser formats for the reader's locale. */
export function hourMinute(time: string): string {
  return time.slice(0, 5)
}

// --- Care summaries --------------------------------------------------------------------------

export type CodeSystem = 'SNOMEDCT' | 'CVX'

export const CODE_SYSTEMS: readonly CodeSystem[] = ['SNOMEDCT', 'CVX']

/** Care summaries need both code systems imported by the practice. */
export function summariesReady(imported: readonly string[]): boolean {
  return CODE_SYSTEMS.every((system) => imported.includes(system))
}
