import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import {
  Button,
  Header,
  Menu,
  MenuItem,
  MenuSection,
  MenuTrigger,
  Popover,
  type Selection,
} from 'react-aria-components'
import { Link, useNavigate, useParams } from 'react-router'
import { useT } from '../../ui/i18n/i18n.tsx'
import { LanguagePicker } from '../../ui/i18n/LanguagePicker.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import { type PortalSession, signOut } from '../session.ts'
import {
  displayName,
  parsePatientId,
  patientPath,
  SIGNED_OUT,
  statusNote,
} from '../session-rules.ts'
import { ChangePasswordDialog } from './ChangePasswordDialog.tsx'
import { ContactDialog } from './ContactDialog.tsx'

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
      <div className="portal-header-inner">
        <p className="portal-brand">{session.practiceName}</p>
        <div className="portal-header-actions">
          <LanguagePicker />
          <Button className="header-button" onPress={() => setContactOpen(true)}>
            {t('links.contact')}
          </Button>
          <MenuTrigger>
            <Button className="header-button patient-menu-button">
              {selected ? displayName(selected) : session.username}
              <span aria-hidden="true" className="chevron">
                ▾
              </span>
            </Button>
            <Popover className="menu-popover" placement="bottom end">
              <Menu className="menu" aria-label={t('header.patientMenu')}>
                {session.family.length > 1 ? (
                  <MenuSection
                    className="menu-section"
                    selectionMode="single"
                    disallowEmptySelection
                    selectedKeys={selected ? [selected.id] : []}
                    onSelectionChange={choosePatient}
                  >
                    <Header className="menu-header">{t('header.family')}</Header>
                    {session.family.map((member) => {
                      const status = statusNote(member)
                      const note = status ? t('patient.status', { status }) : undefined
                      const name = displayName(member)
                      return (
                        <MenuItem
                          key={member.id}
                          id={member.id}
                          className="menu-item"
                          textValue={note ? `${name}, ${note}` : name}
                        >
                          <span className="menu-check" aria-hidden="true" />
                          <span>
                            {name}
                            {note ? <span className="menu-note">, {note}</span> : null}
                          </span>
                        </MenuItem>
                      )
                    })}
                  </MenuSection>
                ) : null}
                <MenuSection className="menu-section">
                  <Header className="menu-header">
                    {t('header.signedInAs', { name: self ? displayName(self) : session.username })}
                  </Header>
                  <MenuItem id="refresh" className="menu-item" onAction={() => refresh.mutate()}>
                    {t('header.refresh')}
                  </MenuItem>
                  <MenuItem
                    id="change-password"
                    className="menu-item"
                    onAction={() => setPasswordOpen(true)}
                  >
                    {t('header.changePassword')}
                  </MenuItem>
                  <MenuItem
                    id="security"
                    className="menu-item"
                    onAction={() => void navigate('/security')}
                  >
                    {t('header.security')}
                  </MenuItem>
                  <MenuItem id="sign-out" className="menu-item" onAction={() => leave.mutate()}>
                    {t('header.signOut')}
                  </MenuItem>
                </MenuSection>
              </Menu>
            </Popover>
          </MenuTrigger>
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
      <ContactDialog isOpen={contactOpen} onOpenChange={setContactOpen} />
      <ChangePasswordDialog isOpen={passwordOpen} onOpenChange={setPasswordOpen} />
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
