import { Link } from 'react-router'
import { useT } from '../../ui/i18n/i18n.tsx'
import { PracticePage } from './PublicLayout.tsx'

/**
 * Make payment: the sign-in page links here only when the practice takes payments online, and
 * the payment flow arrives in a later release. Until then the page says so plainly and leads
 * back, so no link on the sign-in page is a dead end.
 */
export function MakePaymentPage() {
  const t = useT()
  return (
    <PracticePage title={t('links.makePayment')}>
      <div className="notice notice-info">
        <p>{t('pay.notYet')}</p>
        <p>{t('pay.meanwhile')}</p>
      </div>
      <p>
        <Link to="/">{t('links.backToSignIn')}</Link>
      </p>
    </PracticePage>
  )
}
