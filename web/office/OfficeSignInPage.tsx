import { useDocumentTitle } from '../ui/document-title.ts'
import { Card, Page } from '../ui/layout.tsx'
import { usePublicPractice } from '../ui/practice.ts'
import { SignInForm } from '../ui/sign-in-form.tsx'
import { LoadFailed, Loading } from '../ui/status.tsx'

/**
 * Staff sign-in. No "Remember user name": front-desk computers are shared, and the browser's own
 * password manager serves staff who want it.
 */
export function OfficeSignInPage() {
  const practice = usePublicPractice()
  useDocumentTitle('Office console', practice.data?.name)
  return (
    <Page>
      <Card brand={practice.data?.name}>
        <h1 id="office-heading">Office console</h1>
        {practice.isPending ? <Loading /> : null}
        {practice.isError ? (
          <LoadFailed error={practice.error} onRetry={() => void practice.refetch()} />
        ) : null}
        {practice.isSuccess ? (
          <>
            <p className="card-subtitle">Sign in with your staff account.</p>
            <SignInForm
              endpoint="/api/office/session"
              labelledBy="office-heading"
              onSignedIn={() => window.location.assign('/office/')}
            />
          </>
        ) : null}
      </Card>
    </Page>
  )
}
