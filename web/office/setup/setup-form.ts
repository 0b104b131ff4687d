import type { FieldErrors } from '../../ui/api.ts'
import { type ContactForm, contactBodyOf, splitContactErrors } from '../settings/contact-form.ts'
import type { SetupBody } from './setup-api.ts'

export interface LocationForm extends ContactForm {
  /** Stable while editing, so React keeps each location's inputs. */
  key: string
  name: string
}

export interface SetupForm {
  practice: { name: string; timeZone: string; country: string; currency: string }
  locations: LocationForm[]
  admin: { username: string; displayName: string; password: string; passwordAgain: string }
}

/** The token from the setup link's fragment: `#token=…`. Empty when the page was opened without it. */
export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? ''
}

/** The browser's region, e.g. `CA` for `en-CA`, as the country to suggest. */
export function suggestedCountry(languages: readonly string[]): string {
  for (const language of languages) {
    const region = new Intl.Locale(language).maximize().region
    if (region && /^[A-Z]{2}$/.test(region)) return region
  }
  return 'US'
}

const COUNTRY_CURRENCIES: Record<string, string> = {
  US: 'USD',
  CA: 'CAD',
  GB: 'GBP',
  AU: 'AUD',
  NZ: 'NZD',
  MX: 'MXN',
  FR: 'EUR',
  ES: 'EUR',
  DE: 'EUR',
  IE: 'EUR',
}

export function suggestedCurrency(country: string): string {
  return COUNTRY_CURRENCIES[country] ?? 'USD'
}

export function emptyLocation(key: string, name = ''): LocationForm {
  return {
    key,
    name,
    phone: '',
    email: '',
    address1: '',
    address2: '',
    city: '',
    region: '',
    postalCode: '',
    npi: '',
    week: [[], [], [], [], [], [], []],
  }
}

/** The request, and for each location the row key of each sent opening (`hours.N`). */
export function setupBodyOf(token: string, form: SetupForm) {
  const sent = form.locations.map((location) => ({
    name: location.name,
    ...contactBodyOf(location),
  }))
  const body: SetupBody = {
    token,
    practice: form.practice,
    locations: sent.map(({ name, body: contact }) => ({ name, ...contact })),
    admin: {
      username: form.admin.username,
      displayName: form.admin.displayName,
      password: form.admin.password,
    },
  }
  return { body, rangeKeys: sent.map((location) => location.rangeKeys) }
}

/**
 * The server's field errors split for the page: the practice's and administrator's fields by
 * name, and each location's (`locations.2.city`, `locations.2.hours.1`) for its own section.
 */
export function splitSetupErrors(errors: FieldErrors, rangeKeys: readonly string[][]) {
  const fields: FieldErrors = {}
  const perLocation: Record<number, FieldErrors> = {}
  for (const [field, message] of Object.entries(errors)) {
    const match = /^locations\.(\d+)\.(.+)$/.exec(field)
    if (!match) {
      // The password is chosen in the shared new-password fields, named as every password form's.
      fields[field === 'admin.password' ? 'newPassword' : field] = message
      continue
    }
    const index = Number(match[1])
    perLocation[index] = { ...perLocation[index], [match[2] ?? '']: message }
  }
  const locations = rangeKeys.map((keys, index) =>
    splitContactErrors(perLocation[index] ?? {}, keys),
  )
  // The form finds a location's field messages by the inputs' names, which carry the index.
  const locationFields: FieldErrors = {}
  locations.forEach((location, index) => {
    for (const [field, message] of Object.entries(location.fields)) {
      locationFields[`locations.${index}.${field}`] = message
    }
  })
  return { fields, locations, locationFields }
}

/** The second password must match the first; checked here, since only one is sent. */
export function passwordAgainError(form: SetupForm): string | undefined {
  const { password, passwordAgain } = form.admin
  return passwordAgain && password !== passwordAgain
    ? 'The two passwords are not the same.'
    : undefined
}
