import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Suspense } from 'react'
import { Navigate, NavLink, Outlet, useNavigate } from 'react-router'
import { isApiError } from '../ui/api.ts'
import { LoadFailed, Loading } from '../ui/status.tsx'
import { ChooseOwnPasswordPage } from './ChooseOwnPasswordPage.tsx'
import { roleLabel } from './labels.ts'
import { endOfficeSession, type StaffSession } from './office-api.ts'
import { pagesFor } from './pages.ts'
import {
  currentConsolePath,
  type SignInState,
  useOfficeSession,
  useSessionEndWatcher,
} from './session.ts'
import './office.css'
import '../ui/form.css'
import { useT } from '../ui/i18n/i18n.tsx'
import { LanguagePicker } from '../ui/i18n/LanguagePicker.tsx'
import { MutationButton } from '../ui/mutation-button.tsx'

/**
 * The signed-in console: header (practice, staff member, Sign out), navigation, and the page.
 * Without a session it sends the person to the sign-in page.
 */
export function OfficeShell() {
  const session = useOfficeSession()
  useSessionEndWatcher()

  // A password without its code opens nothing: back to sign-in, which asks for the code.
  if (
    session.data &&
    (session.data.secondFactor === 'answer' || session.data.secondFactor === 'enroll')
  ) {
    return <Navigate to="/sign-in" replace state={{ from: currentConsolePath() }} />
  }
  if (session.data?.mustChangePassword) return <ChooseOwnPasswordPage staff={session.data} />
  if (session.data) return <SignedInShell staff={session.data} />
  // 404: this server offers no staff sign-in; its sign-in page says so when tried.
  if (session.isError && isApiError(session.error) && [401, 404].includes(session.error.status)) {
    const state: SignInState = { from: currentConsolePath() }
    return <Navigate to="/sign-in" replace state={state} />
  }
  return (
    <main className="console-main console-main-alone">
      {session.isError ? (
        <LoadFailed error={session.error} onRetry={() => void session.refetch()} />
      ) : (
        <Loading />
      )}
    </main>
  )
}

function SignedInShell({ staff }: { staff: StaffSession }) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const t = useT()
  const signOut = useMutation({
    mutationFn: endOfficeSession,
    onSuccess: () => {
      const state: SignInState = { reason: 'signed-out' }
      navigate('/sign-in', { replace: true, state })
      queueMicrotask(() => queryClient.removeQueries({ queryKey: ['office'] }))
    },
  })

  return (
    <div className="console">
      <a className="skip-link" href="#main">
        {t('office.shell.skip')}
      </a>
      <header className="console-header">
        <div className="console-bar bar">
          <p className="console-brand">
            <span className="console-practice">{staff.practiceName}</span>
            <span className="console-product">{t('office.title')}</span>
          </p>
          <div className="console-user">
            <LanguagePicker />
            <p className="console-staff">
              <span className="console-staff-name">{staff.displayName}</span>{' '}
              <span className="console-staff-role">{roleLabel(staff.role, t)}</span>
            </p>
            <MutationButton
              className="button button-secondary button-small"
              mutation={signOut}
              label={t('office.shell.signOut')}
              pendingLabel={t('office.shell.signingOut')}
            />
          </div>
        </div>
        <nav className="console-nav" aria-label={t('office.nav.label')}>
          <ul>
            {pagesFor(staff.role).map((page) => (
              <li key={page.path}>
                <NavLink to={page.path}>{t(page.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {signOut.isError ? (
        <div className="console-alert notice notice-error" role="alert">
          <p>{t('office.shell.signOutFailed')}</p>
        </div>
      ) : null}
      <main id="main" className="console-main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet context={staff} />
        </Suspense>
      </main>
    </div>
  )
}
