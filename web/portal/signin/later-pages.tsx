import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { Card, Page } from '../../ui/layout.tsx'
import { usePractice } from './PublicLayout.tsx'

/**
 * Pages the sign-in page links to whose features arrive in later releases. Each says so plainly
 * and leads back, so no link on the sign-in page is a dead end.
 */
function NotYetPage({ title, children }: { title: string; children: ReactNode }) {
  const practice = usePractice()
  useDocumentTitle(title, practice.name)
  return (
    <Page>
      <Card brand={practice.name}>
        <h1>{title}</h1>
        <div className="notice notice-info">{children}</div>
        <p>
          <Link to="/">Back to sign in</Link>
        </p>
      </Card>
    </Page>
  )
}

export function ForgotPasswordPage() {
  return (
    <NotYetPage title="Forgot password">
      <p>Resetting a password online is not available yet on this server.</p>
      <p>Please call or visit the office, and they will set a new password for you.</p>
    </NotYetPage>
  )
}

export function ContactPage() {
  const practice = usePractice()
  return (
    <NotYetPage title="Contact us">
      <p>The office’s address, phone number and hours are not shown on this server yet.</p>
      {practice.clinics.length > 0 ? (
        <>
          <p>{practice.name} has these locations:</p>
          <ul>
            {practice.clinics.map((clinic) => (
              <li key={clinic.id}>{clinic.name}</li>
            ))}
          </ul>
        </>
      ) : null}
    </NotYetPage>
  )
}

export function MakePaymentPage() {
  return (
    <NotYetPage title="Make payment">
      <p>Paying online is not available yet on this server.</p>
      <p>Please pay at the office or by phone in the meantime.</p>
    </NotYetPage>
  )
}
