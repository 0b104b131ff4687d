import { Link, Navigate, useLocation } from 'react-router'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { LanguagePicker } from '../../ui/i18n/LanguagePicker.tsx'
import { Card, Page } from '../../ui/layout.tsx'
import { PORTAL_USER_NAME_KEY } from '../../ui/remembered-user-name.ts'
import { SignInForm } from '../../ui/sign-in-form.tsx'
import { Loading } from '../../ui/status.tsx'
import { type PortalSessionView, type SignInState, useSession, useSignedIn } from '../session.ts'
import { noticeText, pathForStage, safeReturnPath } from '../session-rules.ts'
import { PasskeySignIn } from './PasskeySignIn.tsx'
import { usePractice } from './PublicLayout.tsx'

/** The public front door: the practice's name, the sign-in form and the ways around it. */
export function SignInPage() {
  const practice = usePractice()
  const location = useLocation()
  const state = (location.state ?? {}) as SignInState
  const session = useSession()
  const signedIn = useSignedIn()
  const t = useT()
  useDocumentTitle(t('signIn.submit'), practice.name)

  // Already signed in (another tab, the back button): go on to where the session stands.
  const returnTo = safeReturnPath(state.from)
  if (session.data) {
    const ready = session.data.stage === 'ready'
    return <Navigate to={(ready && returnTo) || pathForStage(session.data.stage)} replace />
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
              onSignedIn={(view) => signedIn(view as PortalSessionView, returnTo)}
            />
            <PasskeySignIn
              endpoint="/api/portal/session/passkey"
              label={t('passkeys.signIn')}
              onSignedIn={(view) => signedIn(view, returnTo)}
            />
          </>
        )}
      </Card>
    </Page>
  )
}
