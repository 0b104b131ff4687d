import { Link } from 'react-router'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { Card, Page } from '../../ui/layout.tsx'
import { PORTAL_USER_NAME_KEY } from '../../ui/remembered-user-name.ts'
import { SignInForm } from '../../ui/sign-in-form.tsx'
import { usePractice } from './PublicLayout.tsx'

/** The public front door: the practice's name, the sign-in form and the ways around it. */
export function SignInPage() {
  const practice = usePractice()
  useDocumentTitle('Sign in', practice.name)
  return (
    <Page
      footer={
        <>
          <Link to="/forgot-password">Forgot password</Link>
          <Link to="/contact">Contact us</Link>
          {/* Offered only when the practice takes payments online; never a dead link. */}
          {practice.onlinePayments ? <Link to="/pay">Make payment</Link> : null}
        </>
      }
    >
      <Card>
        <h1 id="practice-name">{practice.name}</h1>
        <p className="card-subtitle">Sign in to your patient portal.</p>
        <SignInForm
          endpoint="/api/portal/session"
          rememberKey={PORTAL_USER_NAME_KEY}
          labelledBy="practice-name"
          // The server now holds a session; reloading lets the app open on the signed-in side.
          onSignedIn={() => window.location.assign('/')}
        />
      </Card>
    </Page>
  )
}
