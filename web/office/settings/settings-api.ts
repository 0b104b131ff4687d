import type { Static } from 'typebox'
import type {
  ContactBody,
  PortalSettingsBody,
  SettingsView,
} from '../../../server/office/settings/schemas.ts'
import { getJson, putJson } from '../../ui/api.ts'

/** Everything the Portal Settings page shows, as `GET /api/office/settings` sends it. */
export type Settings = Static<typeof SettingsView>
/** What `PUT /api/office/settings` replaces: features, time-out, verification and texts. */
export type PortalSettings = Static<typeof PortalSettingsBody>
export type Features = PortalSettings['features']
export type FeatureKey = keyof Features
/** The practice's or a clinic's contact details and hours (`id` null for the practice). */
export type Contact = Settings['practice']
/** What `PUT /api/office/settings/practice` and `…/clinics/:id` replace. */
export type ContactChange = Static<typeof ContactBody>
export type OpeningHours = ContactChange['hours'][number]

export const SETTINGS_KEY = ['office', 'settings'] as const

export function fetchSettings(signal?: AbortSignal) {
  return getJson<Settings>('/api/office/settings', signal)
}

export function savePortalSettings(body: PortalSettings) {
  return putJson<Settings>('/api/office/settings', body)
}

/** Saves the practice's contact details and hours (`clinicId` null) or one clinic's. */
export function saveContact(clinicId: number | null, body: ContactChange) {
  const path =
    clinicId === null ? '/api/office/settings/practice' : `/api/office/settings/clinics/${clinicId}`
  return putJson<Settings>(path, body)
}
