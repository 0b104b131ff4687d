import { Link, Navigate, useLocation } from 'react-router'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { LanguagePicker } from '../../ui/i18n/LanguagePicker.tsx'
import { Card, Page } from '../../ui/layout.tsx'
import { PORTAL_USER_NAME_KEY } from '../../ui/remembered-user-name.ts'
import { SignInForm } from '../../ui/sign-in-form.tsx'
import { Loading } from '../../ui/status.tsx'
import { noticeText, pathAfterSignIn, safeReturnPath } from '../session-rules.ts'
import type { PortalSessionView, SignInState } from '../session-view.ts'
import { PasskeySignIn } from './PasskeySignIn.tsx'
import { usePractice } from './PublicLayout.tsx'
import { useSessionCheck, useSignedInFromSignInPage } from './sign-in-session.ts'

/**
 * The public front door: the practice's name, the sign-in form and the ways around it. It loads
 * without React Aria and TanStack Query, which only the pages after it need (bench `web`).
 */
export function SignInPage() {
  const practice = usePractice()
  const location = useLocation()
  const state = (location.state ?? {}) as SignInState
  const session = useSessionCheck()
  const signedIn = useSignedInFromSignInPage()
  const t = useT()
  useDocumentTitle(t('signIn.submit'), practice.name)

  // Already signed in (another tab, the back button): go on to where the session stands.
  const returnTo = safeReturnPath(state.from)
  if (session.data) {
    return <Navigate to={pathAfterSignIn(session.data.stage, returnTo)} replace />
  }

  return (
    <Page
      corner={<LanguagePicker />}
      footer={
        <>
          <Link to="/forgot-password">{t('links.forgotPassword')}</Link>
          <Link to="/contact">{t('links.contact')}</Link>
          <Link to="/privacy">{t('links.privacy')}</Link>
          {/* Offered only when the practice takes payments online; never a dead link. */}
          {practice.onlinePayments ? <Link to="/pay">{t('links.makePayment')}</Link> : null}
        </>
      }
    >
      <Card>
        <h1 id="practice-name">{practice.name}</h1>
        <p className="card-subtitle">{t('signIn.subtitle')}</p>
        {state.notice ? (
          <div className="notice notice-info" role="status">
            <p>{noticeText(state.notice, t)}</p>
          </div>
        ) : null}
        {session.isPending ? (
          <Loading />
        ) : (
          // Shown also when the session check itself failed: signing in is the way forward.
          <>
            <SignInForm
              endpoint="/api/portal/session"
              rememberKey={PORTAL_USER_NAME_KEY}
              labelledBy="practice-name"
              onSignedIn={(view) => void signedIn(view as PortalSessionView, returnTo)}
            />
            <PasskeySignIn
              endpoint="/api/portal/session/passkey"
              label={t('passkeys.signIn')}
              onSignedIn={(view) => void signedIn(view, returnTo)}
            />
          </>
        )}
      </Card>
    </Page>
  )
}
