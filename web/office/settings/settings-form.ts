import type { FieldErrors } from '../../ui/api.ts'
import type { MessageId, Translate } from '../../ui/i18n/i18n.tsx'
import type { FeatureKey, PortalSettings, Settings } from './settings-api.ts'

export interface FeatureInfo {
  key: FeatureKey
  /** The office console's name for the feature (a catalog id, as the rest). */
  label: MessageId
  /** What patients get with it switched on. */
  description: MessageId
  /** A caveat shown beside the switch. */
  note?: MessageId
}

/** The features an office can switch on or off for its patients, in the console's order. */
export const FEATURES: readonly FeatureInfo[] = (
  [
    'makePayments',
    'account',
    'webmail',
    'careSummary',
    'images',
    'appointments',
    'treatmentPlan',
  ] as const
).map((key) => ({
  key,
  label: `office.feature.${key}` as MessageId,
  description: `office.feature.${key}.description` as MessageId,
  ...(key === 'makePayments' ? { note: 'office.feature.makePayments.note' as const } : {}),
}))

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
): { minutes: number; problem?: never } | { problem: MessageId } {
  if (Number.isNaN(value)) return { problem: 'office.settings.idleEmpty' }
  if (!Number.isInteger(value)) return { problem: 'office.settings.idleWhole' }
  return { minutes: value }
}

const FIELD_WORDS: Record<string, MessageId> = {
  idleTimeoutMinutes: 'office.settings.field.idleTimeoutMinutes',
  webmailNotificationSubject: 'office.settings.field.subject',
  webmailNotificationBody: 'office.settings.field.body',
  privacyPolicy: 'office.settings.field.privacyPolicy',
  email: 'office.settings.field.email',
}

/**
 * The server's field messages, said for people: its schema checks speak JSON Schema ("must be
 * >= 1"); those become a sentence about the field. Messages written for people pass unchanged.
 */
export function readableFieldErrors(errors: FieldErrors, t: Translate): FieldErrors {
  const readable: FieldErrors = {}
  for (const [field, message] of Object.entries(errors)) {
    readable[field] = readableMessage(field, message, t)
  }
  return readable
}

function readableMessage(field: string, message: string, t: Translate): string {
  if (!isSchemaMessage(message)) return message
  const longest = /must NOT have more than (\d+) characters/.exec(message)
  if (longest && field !== 'idleTimeoutMinutes')
    return t('office.settings.field.tooLong', { max: Number(longest[1]) })
  if (/^hours\.\d+\.(opens|closes)$/.test(field)) return t('office.settings.field.time')
  if (/^hours\.\d+/.test(field)) return t('office.settings.field.range')
  const words = FIELD_WORDS[field]
  return words ? t(words) : t('office.settings.field.invalid')
}

function isSchemaMessage(message: string): boolean {
  return /^must\b|^is not valid$/.test(message)
}
