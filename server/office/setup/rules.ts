import { newPasswordProblem } from '../../platform/auth/password-policy.ts'
import { npiProblem, usernameProblem } from '../../practice/rules.ts'
import { hoursErrors, type OpeningHours } from '../settings/rules.ts'

/**
 * First-run setup's pure decisions: what a practice, its locations and its first administrator
 * must look like before anything is written.
 */

export interface SetupInput {
  practice: { name: string; timeZone: string; country: string; currency: string }
  locations: { name: string; npi?: string | null; hours: OpeningHours[] }[]
  admin: { username: string; displayName: string; password: string }
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

// Made on first use, not at start: reading ICU's region and currency data keeps ~5 MB of the
// Node binary resident in every server, and only first-run setup asks.
let regionNames: Intl.DisplayNames | undefined
let currencies: Set<string> | undefined

/** ISO 3166-1 alpha-2 that the browser's and server's ICU knows (not XX, not ZZ "Unknown"). */
export function isCountry(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return false
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' })
  return regionNames.of(code) !== code
}

export function isCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'))
  return currencies.has(code)
}

/** Field errors keyed like the request body (`practice.timeZone`, `locations.0.hours.1`). */
export function setupErrors(input: SetupInput): Record<string, string> {
  const errors: Record<string, string> = {}
  const { practice, admin } = input
  if (!practice.name.trim()) errors['practice.name'] = 'Enter the practice name.'
  if (!isTimeZone(practice.timeZone)) {
    errors['practice.timeZone'] = 'Choose a time zone such as America/Toronto.'
  }
  if (!isCountry(practice.country)) {
    errors['practice.country'] = 'Use a two-letter country code such as CA or US.'
  }
  if (!isCurrency(practice.currency)) {
    errors['practice.currency'] = 'Use a three-letter currency code such as CAD or USD.'
  }
  input.locations.forEach((location, index) => {
    if (!location.name.trim()) errors[`locations.${index}.name`] = 'Enter the location name.'
    const npi = location.npi?.trim() ? npiProblem(location.npi.trim()) : undefined
    if (npi) errors[`locations.${index}.npi`] = npi
    for (const [key, message] of Object.entries(hoursErrors(location.hours))) {
      errors[`locations.${index}.${key}`] = message
    }
  })
  const usernameIssue = usernameProblem(admin.username.trim())
  if (usernameIssue) errors['admin.username'] = usernameIssue
  if (!admin.displayName.trim()) errors['admin.displayName'] = 'Enter the name staff will see.'
  const passwordIssue = newPasswordProblem(admin.password, { username: admin.username.trim() })
  if (passwordIssue) errors['admin.password'] = passwordIssue
  return errors
}

/** The practice's address-safe short name: `Maple Grove Dental` → `maple-grove-dental`. */
export function practiceSlug(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'practice'
}

/** The address the start banner prints: the token in the fragment, which browsers never send. */
export function setupLink(publicUrl: string, token: string): string {
  return `${publicUrl}/office/setup#token=${encodeURIComponent(token)}`
}
