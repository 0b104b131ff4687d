import { Link } from 'react-router'
import { PracticePage } from './PublicLayout.tsx'

/**
 * Make payment: the sign-in page links here only when the practice takes payments online, and
 * the payment flow arrives in a later release. Until then the page says so plainly and leads
 * back, so no link on the sign-in page is a dead end.
 */
export function MakePaymentPage() {
  return (
    <PracticePage title="Make payment">
      <div className="notice notice-info">
        <p>Paying online is not available yet on this server.</p>
        <p>Please pay at the office or by phone in the meantime.</p>
      </div>
      <p>
        <Link to="/">Back to sign in</Link>
      </p>
    </PracticePage>
  )
}
