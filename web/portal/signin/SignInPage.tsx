import { Link, Navigate, useLocation } from 'react-router'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { Card, Page } from '../../ui/layout.tsx'
import { PORTAL_USER_NAME_KEY } from '../../ui/remembered-user-name.ts'
import { SignInForm } from '../../ui/sign-in-form.tsx'
import { Loading } from '../../ui/status.tsx'
import { type PortalSessionView, type SignInState, useSession, useSignedIn } from '../session.ts'
import { pathForStage, safeReturnPath } from '../session-rules.ts'
import { usePractice } from './PublicLayout.tsx'

/** The public front door: the practice's name, the sign-in form and the ways around it. */
export function SignInPage() {
  const practice = usePractice()
  const location = useLocation()
  const state = (location.state ?? {}) as SignInState
  const session = useSession()
  const signedIn = useSignedIn()
  useDocumentTitle('Sign in', practice.name)

  // Already signed in (another tab, the back button): go on to where the session stands.
  const returnTo = safeReturnPath(state.from)
  if (session.data) {
    const ready = session.data.stage === 'ready'
    return <Navigate to={(ready && returnTo) || pathForStage(session.data.stage)} replace />
  }

  return (
    <Page
      footer={
        <>
          <Link to="/forgot-password">Forgot password</Link>
          <Link to="/contact">Contact us</Link>
          <Link to="/privacy">Privacy policy</Link>
          {/* Offered only when the practice takes payments online; never a dead link. */}
          {practice.onlinePayments ? <Link to="/pay">Make payment</Link> : null}
        </>
      }
    >
      <Card>
        <h1 id="practice-name">{practice.name}</h1>
        <p className="card-subtitle">Sign in to your patient portal.</p>
        {state.notice ? (
          <div className="notice notice-info" role="status">
            <p>{state.notice}</p>
          </div>
        ) : null}
        {session.isPending ? (
          <Loading />
        ) : (
          // Shown also when the session check itself failed: signing in is the way forward.
          <SignInForm
            endpoint="/api/portal/session"
            rememberKey={PORTAL_USER_NAME_KEY}
            labelledBy="practice-name"
            onSignedIn={(view) => signedIn(view as PortalSessionView, returnTo)}
          />
        )}
      </Card>
    </Page>
  )
}
