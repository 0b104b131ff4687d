import { useMutation, useQueryClient } from '@tanstack/react-query'
import { lazy, useRef, useState } from 'react'
import { useMenuTrigger } from 'react-aria'
import { Button, type Selection } from 'react-aria-components'
import { Link, useNavigate, useParams } from 'react-router'
import { useMenuTriggerState } from 'react-stately'
import { useT } from '../../ui/i18n/i18n.tsx'
import { LanguagePicker } from '../../ui/i18n/LanguagePicker.tsx'
import { WhenFirstOpened } from '../../ui/when-first-opened.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import { type PortalSession, signOut } from '../session.ts'
import { displayName, parsePatientId, patientPath, SIGNED_OUT } from '../session-rules.ts'

// The patient-name menu's list (React Aria's menu, popover and collections), downloaded when the
// menu is first opened; the button is there from the start and opens it the same way.
const PatientMenu = lazy(() =>
  import('./PatientMenu.tsx').then((module) => ({ default: module.PatientMenu })),
)
// Opened from the header, never on the first screen: downloaded when first opened.
const ContactDialog = lazy(() =>
  import('./ContactDialog.tsx').then((module) => ({ default: module.ContactDialog })),
)
const ChangePasswordDialog = lazy(() =>
  import('./ChangePasswordDialog.tsx').then((module) => ({ default: module.ChangePasswordDialog })),
)

/** The practice's name, Contact us, and the patient-name menu. */
export function PortalHeader({ session }: { session: PortalSession }) {
  const queryClient = useQueryClient()
  const t = useT()
  const navigate = useNavigate()
  const params = useParams()
  const selectedId = parsePatientId(params.patientId)
  const self = session.family.find((member) => member.self) ?? session.family[0]
  const selected = session.family.find((member) => member.id === selectedId) ?? self
  const [contactOpen, setContactOpen] = useState(false)
  const [passwordOpen, setPasswordOpen] = useState(false)
  // React Aria's MenuTrigger, taken apart: its module brings the whole menu (collections,
  // selection, positioning), so the button uses the trigger's hooks and PatientMenu provides the
  // rest of what MenuTrigger would (PatientMenu.tsx) once the menu is first opened.
  const menu = useMenuTriggerState({})
  const menuButton = useRef<HTMLButtonElement>(null)
  const { menuTriggerProps, menuProps } = useMenuTrigger({ type: 'menu' }, menu, menuButton)
  const [refreshed, setRefreshed] = useState('')

  const leave = useMutation({ mutationFn: () => signOut(queryClient, SIGNED_OUT) })
  const refresh = useMutation({
    mutationFn: () => queryClient.invalidateQueries(),
    onMutate: () => setRefreshed(''),
    onSuccess: () => setRefreshed(t('header.refreshed')),
  })

  function choosePatient(keys: Selection) {
    if (keys === 'all') return
    const [id] = [...keys]
    // The open tab stays open for the next person: from Luis's plan to Sofia's plan.
    if (typeof id === 'number' && id !== selected?.id) {
      void navigate(params.tab ? `${patientPath(id)}/${params.tab}` : patientPath(id))
    }
  }

  return (
    <header className="portal-header">
      <div className="portal-header-inner bar">
        <p className="portal-brand">{session.practiceName}</p>
        <div className="portal-header-actions">
          <LanguagePicker />
          <Button className="header-button" onPress={() => setContactOpen(true)}>
            {t('links.contact')}
          </Button>
          <Button
            ref={menuButton}
            {...menuTriggerProps}
            className="header-button patient-menu-button"
          >
            {selected ? displayName(selected) : session.username}
            <span aria-hidden="true" className="chevron">
              ▾
            </span>
          </Button>
          <WhenFirstOpened isOpen={menu.isOpen}>
            <PatientMenu
              trigger={{ state: menu, menuProps, triggerRef: menuButton }}
              session={session}
              self={self}
              selected={selected}
              onChoosePatient={choosePatient}
              onRefresh={() => refresh.mutate()}
              onChangePassword={() => setPasswordOpen(true)}
              onSecurity={() => void navigate('/security')}
              onSignOut={() => leave.mutate()}
            />
          </WhenFirstOpened>
        </div>
      </div>
      {session.family.length > 1 ? (
        <HeaderFamily
          family={session.family}
          selectedId={selected?.id}
          signedIn={self ? displayName(self) : session.username}
          tab={params.tab}
        />
      ) : null}
      <div className="portal-header-status" role="status">
        {refreshed ? <p>{refreshed}</p> : null}
      </div>
      {leave.isError ? (
        <div className="portal-header-status">
          <ProblemAlert key={leave.submittedAt} error={leave.error} />
        </div>
      ) : null}
      <WhenFirstOpened isOpen={contactOpen}>
        <ContactDialog isOpen={contactOpen} onOpenChange={setContactOpen} />
      </WhenFirstOpened>
      <WhenFirstOpened isOpen={passwordOpen}>
        <ChangePasswordDialog isOpen={passwordOpen} onOpenChange={setPasswordOpen} />
      </WhenFirstOpened>
    </header>
  )
}

/**
 * Who is signed in, and whose records are open: the family as links, so a keyboard reaches each
 * person with Tab and opens them with Enter (the menu above is for arrow keys). The open tab
 * stays open for the next person.
 */
function HeaderFamily({
  family,
  selectedId,
  signedIn,
  tab,
}: {
  family: PortalSession['family']
  selectedId: number | undefined
  signedIn: string
  tab: string | undefined
}) {
  const t = useT()
  return (
    <nav className="header-family" aria-label={t('header.peopleYouCanView')}>
      <p className="header-family-signed-in">
        {t('header.signedInAsSentence', { name: signedIn })}
      </p>
      <p className="header-family-label" aria-hidden="true">
        {t('header.viewing')}
      </p>
      <ul>
        {family.map((member) => (
          <li key={member.id}>
            <Link
              to={tab ? `${patientPath(member.id)}/${tab}` : patientPath(member.id)}
              className="header-family-link"
              aria-current={member.id === selectedId ? 'page' : undefined}
            >
              {member.preferredName?.trim() || member.firstName}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
