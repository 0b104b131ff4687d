import { useMutation } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
import { Link, useSearchParams } from 'react-router'
import { postJson } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { Loading } from '../../ui/status.tsx'
import { PersonCheckForm, type PersonInfo } from './PersonFields.tsx'
import { PracticePage } from './PublicLayout.tsx'
import './signin.css'

const MakePayment = lazy(async () => ({
  default: (await import('../account/MakePayment.tsx')).MakePayment,
}))

/**
 * Make payment without signing in, from the sign-in page or a statement's link
 * (`/pay?statement=…`): name and birthdate first (nothing is shown before they match), then the
 * same payment form as in the Account tab, without saved cards.
 */
export default function MakePaymentPage() {
  const t = useT()
  const [params] = useSearchParams()
  const statement = params.get('statement') ?? undefined
  const verify = useMutation({
    mutationFn: (body: PersonInfo) =>
      postJson('/api/public/payments/verify', { ...body, ...(statement ? { statement } : {}) }),
  })
  return (
    <PracticePage title={t('links.makePayment')} titleId="pay-title">
      {verify.isSuccess ? (
        <Suspense fallback={<Loading />}>
          <MakePayment
            endpoints={{
              form: '/api/public/payments/form',
              pay: '/api/public/payments',
              signedIn: false,
            }}
          />
        </Suspense>
      ) : (
        <>
          <p>{statement ? t('pay.confirmStatement') : t('pay.confirmWithoutSignIn')}</p>
          <PersonCheckForm
            check={verify}
            labelledBy="pay-title"
            submitLabel={t('pay.continue')}
            pendingLabel={t('pay.checking')}
          />
        </>
      )}
      <p>
        <Link to="/">{t('links.backToSignIn')}</Link>
      </p>
    </PracticePage>
  )
}
