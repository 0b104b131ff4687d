import { useQuery } from '@tanstack/react-query'
import { can } from '../../../server/practice/staff-permissions.ts'
import { isApiError } from '../../ui/api.ts'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { ConsolePage, useStaff } from '../ConsolePage.tsx'
import { ContactSection } from './ContactSection.tsx'
import {
  FeaturesSection,
  PrivacySection,
  SecuritySection,
  WebmailAttachmentsSection,
  WebmailEmailSection,
} from './PortalSections.tsx'
import { SettingsSection } from './section.tsx'
import { fetchSettings, SETTINGS_KEY, type Settings } from './settings-api.ts'
import './settings.css'

/**
 * Portal Settings (administrators): what patients get in the portal, sign-in rules, texts, and
 * the practice's and clinics' contact details and hours. Each section saves on its own; a
 * saved change applies to patients on their next request.
 */
export function SettingsPage() {
  const staff = useStaff()
  return (
    <ConsolePage title="Portal Settings">
      {can(staff.role, 'settings.manage') ? <SettingsContent /> : <OnlyAdministrators />}
    </ConsolePage>
  )
}

function OnlyAdministrators() {
  return (
    <div className="notice notice-info">
      <p>
        Only administrators can see and change Portal Settings. Ask your practice administrator if
        something here needs changing.
      </p>
    </div>
  )
}

function SettingsContent() {
  const settings = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => fetchSettings(signal),
    // Each section keeps its own edits; a refetch would not show in them anyway.
    refetchOnWindowFocus: false,
  })
  if (settings.isPending) return <Loading label="Loading the settings…" />
  if (settings.isError) {
    if (isApiError(settings.error) && settings.error.status === 403) return <OnlyAdministrators />
    return <LoadFailed error={settings.error} onRetry={() => void settings.refetch()} />
  }
  return <SettingsSections initial={settings.data} />
}

const CONTENTS = [
  { id: 'features', label: 'Features patients get' },
  { id: 'security', label: 'Sign-in and security' },
  { id: 'privacy', label: 'Privacy policy' },
  { id: 'webmail-email', label: 'WebMail notification email' },
  { id: 'contacts', label: 'Contact details and hours' },
]

function SettingsSections({ initial }: { initial: Settings }) {
  return (
    <>
      <p className="settings-lead">
        Each section is saved on its own. A saved change applies to patients on their next page or
        request; nobody needs to sign in again.
      </p>
      <nav className="settings-contents" aria-label="Portal Settings sections">
        <ul>
          {CONTENTS.map((item) => (
            <li key={item.id}>
              <a href={`#${item.id}`}>{item.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <FeaturesSection initial={initial} />
      <SecuritySection initial={initial} />
      <PrivacySection initial={initial} />
      <WebmailEmailSection initial={initial} />
      <WebmailAttachmentsSection initial={initial} />
      <SettingsSection
        id="contacts"
        title="Contact details and hours"
        intro="Shown to patients in the portal. Leave a field blank to leave it out."
      >
        <ContactSection contact={initial.practice} />
        {initial.clinics.map((clinic) => (
          <ContactSection key={clinic.id} contact={clinic} />
        ))}
      </SettingsSection>
    </>
  )
}
