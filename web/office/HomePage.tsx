import { Link } from 'react-router'
import { ConsolePage, useStaff } from './ConsolePage.tsx'
import { pagesFor } from './pages.ts'

const DESCRIPTIONS: Record<string, string> = {
  '/access':
    'Find a patient, give them online access, print or email their access letter, reset their password or remove access.',
  '/payments':
    'Payments patients made online: the ones to post in the practice-management system, their receipts, and refunds.',
  '/outgoing-email':
    'The emails the portal sent: invitations and password reset codes (the codes themselves hidden), with their delivery status.',
  '/settings':
    'What patients get in the portal, the sign-in time-out, the privacy policy and notification email, and your contact details and opening hours.',
}

/** The console's front page: a greeting and what this staff member can do here. */
export function HomePage() {
  const staff = useStaff()
  const pages = pagesFor(staff.role)
  return (
    <ConsolePage title="Office console" heading={`Welcome, ${staff.displayName}`}>
      <p>What would you like to do?</p>
      {pages.length > 0 ? (
        <ul className="home-list">
          {pages.map((page) => (
            <li key={page.path}>
              <Link to={page.path}>{page.label}</Link>
              <p>{DESCRIPTIONS[page.path]}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>There is nothing for your role in the office console yet.</p>
      )}
    </ConsolePage>
  )
}
