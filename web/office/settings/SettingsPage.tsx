import { useQuery } from '@tanstack/react-query'
import { can } from '../../../server/practice/staff-permissions.ts'
import { isApiError } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { InfoNotice } from '../../ui/notice.tsx'
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
  const t = useT()
  return (
    <ConsolePage title={t('office.nav.settings')}>
      {can(staff.role, 'settings.manage') ? <SettingsContent /> : <OnlyAdministrators />}
    </ConsolePage>
  )
}

function OnlyAdministrators() {
  const t = useT()
  return <InfoNotice>{t('office.settings.onlyAdmins')}</InfoNotice>
}

function SettingsContent() {
  const t = useT()
  const settings = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => fetchSettings(signal),
    // Each section keeps its own edits; a refetch would not show in them anyway.
    refetchOnWindowFocus: false,
  })
  if (settings.isPending) return <Loading label={t('office.settings.loading')} />
  if (settings.isError) {
    if (isApiError(settings.error) && settings.error.status === 403) return <OnlyAdministrators />
    return <LoadFailed error={settings.error} onRetry={() => void settings.refetch()} />
  }
  return <SettingsSections initial={settings.data} />
}

const CONTENTS = [
  { id: 'features', label: 'office.settings.features' },
  { id: 'security', label: 'office.settings.security' },
  { id: 'privacy', label: 'office.settings.privacy' },
  { id: 'webmail-email', label: 'office.settings.webmailEmail' },
  { id: 'contacts', label: 'office.settings.contacts' },
] as const

function SettingsSections({ initial }: { initial: Settings }) {
  const t = useT()
  return (
    <>
      <p className="settings-lead">{t('office.settings.lead')}</p>
      <nav className="settings-contents" aria-label={t('office.settings.sections')}>
        <ul>
          {CONTENTS.map((item) => (
            <li key={item.id}>
              <a href={`#${item.id}`}>{t(item.label)}</a>
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
        title={t('office.settings.contacts')}
        intro={t('office.settings.contactsIntro')}
      >
        <ContactSection contact={initial.practice} />
        {initial.clinics.map((clinic) => (
          <ContactSection key={clinic.id} contact={clinic} />
        ))}
      </SettingsSection>
    </>
  )
}
