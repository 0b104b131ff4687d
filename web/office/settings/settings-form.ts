import type { FieldErrors } from '../../ui/api.ts'
import type { FeatureKey, PortalSettings, Settings } from './settings-api.ts'

export interface FeatureInfo {
  key: FeatureKey
  /** The office console's name for the feature. */
  label: string
  /** What patients get with it switched on. */
  description: string
  /** A caveat shown beside the switch. */
  note?: string
}

/** The features an office can switch on or off for its patients, in the console's order. */
export const FEATURES: readonly FeatureInfo[] = [
  {
    key: 'makePayments',
    label: 'Make payments',
    description: 'Patients can pay their balance online.',
    note: 'Patients pay by card in the Account tab, from the sign-in page and from the link on each statement, through the card processor set up for the practice; nothing is offered without one.',
  },
  {
    key: 'account',
    label: 'Account',
    description: 'The Account tab: balance, statements and payment history.',
  },
  {
    key: 'webmail',
    label: 'WebMail',
    description: 'The Messages tab: secure messages between patients and the office.',
  },
  {
    key: 'careSummary',
    label: 'Care summary',
    description: 'The Summary tab: the clinical summary to view, download or send.',
  },
  {
    key: 'images',
    label: 'Images',
    description: 'The Images tab: documents in the categories shown in the portal.',
  },
  {
    key: 'appointments',
    label: 'Appointments',
    description: 'The Appointments tab: visits, confirming them and booking recalls.',
  },
  {
    key: 'treatmentPlan',
    label: 'Treatment plan',
    description: 'The Plan tab: saved treatment plans with fees and estimates.',
  },
]

/** The part of the settings that `PUT /api/office/settings` replaces, taken from the view. */
export function portalSettingsOf(view: Settings): PortalSettings {
  return {
    features: { ...view.features },
    idleTimeoutMinutes: view.idleTimeoutMinutes,
    verifyPersonalInfo: view.verifyPersonalInfo,
    secondFactorPatients: view.secondFactorPatients,
    secondFactorAdmins: view.secondFactorAdmins,
    privacyPolicy: view.privacyPolicy,
    webmailNotificationSubject: view.webmailNotificationSubject,
    webmailNotificationBody: view.webmailNotificationBody,
  }
}

/**
 * The body for saving one section: what is saved now, with that section's fields replaced.
 * Each section saves alone, so unsaved edits in another section are never sent with it.
 */
export function portalSettingsBody(
  current: Settings,
  section: Partial<PortalSettings>,
): PortalSettings {
  return { ...portalSettingsOf(current), ...section }
}

/** Whether a section's form differs from what is saved (key order does not matter). */
export function sectionChanged<T extends object>(saved: T, form: T): boolean {
  return stableJson(saved) !== stableJson(form)
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  )
}

/** The idle time-out field's value as minutes, or a message when it is empty or not whole. */
export function idleTimeoutFrom(
  value: number,
): { minutes: number; problem?: never } | { problem: string } {
  if (Number.isNaN(value)) return { problem: 'Enter the number of minutes, from 1 to 720.' }
  if (!Number.isInteger(value)) return { problem: 'Enter whole minutes, from 1 to 720.' }
  return { minutes: value }
}

const FIELD_WORDS: Record<string, string> = {
  idleTimeoutMinutes: 'Enter a whole number of minutes from 1 to 720.',
  webmailNotificationSubject: 'Enter a subject for the email.',
  webmailNotificationBody: 'Enter the text of the email.',
  privacyPolicy: 'The privacy policy is too long.',
  email: 'Enter an email address, such as office@example.com, or leave it blank.',
}

/**
 * The server's field messages, said for people: its schema checks speak JSON Schema ("must be
 * >= 1"); those become a sentence about the field. Messages written for people pass unchanged.
 */
export function readableFieldErrors(errors: FieldErrors): FieldErrors {
  const readable: FieldErrors = {}
  for (const [field, message] of Object.entries(errors)) {
    readable[field] = readableMessage(field, message)
  }
  return readable
}

function readableMessage(field: string, message: string): string {
  if (!isSchemaMessage(message)) return message
  const longest = /must NOT have more than (\d+) characters/.exec(message)
  if (longest && field !== 'idleTimeoutMinutes') return `Use at most ${longest[1]} characters.`
  if (/^hours\.\d+\.(opens|closes)$/.test(field)) return 'Enter a time, such as 09:00.'
  if (/^hours\.\d+/.test(field)) return 'Enter an opening and a closing time.'
  return FIELD_WORDS[field] ?? 'This is not valid. Please check it.'
}

function isSchemaMessage(message: string): boolean {
  return /^must\b|^is not valid$/.test(message)
}
