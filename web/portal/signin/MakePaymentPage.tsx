import { useMutation } from '@tanstack/react-query'
import { lazy, Suspense, useState } from 'react'
import { Button } from 'react-aria-components'
import { Link, useSearchParams } from 'react-router'
import { postJson } from '../../ui/api.ts'
import { Loading } from '../../ui/status.tsx'
import { MutationForm } from '../mutation-form.tsx'
import { PersonFields, type PersonInfo } from './PersonFields.tsx'
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
  const [params] = useSearchParams()
  const statement = params.get('statement') ?? undefined
  const [person, setPerson] = useState<PersonInfo>({ firstName: '', lastName: '', birthdate: '' })
  const verify = useMutation({
    mutationFn: (body: PersonInfo) =>
      postJson('/api/public/payments/verify', { ...body, ...(statement ? { statement } : {}) }),
  })
  return (
    <PracticePage title="Make payment" titleId="pay-title">
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
          <p>
            {statement
              ? 'To pay this statement, first confirm who you are.'
              : 'To pay without signing in, first confirm who you are.'}{' '}
            Enter your name and birthdate as your dental office has them.
          </p>
          <MutationForm
            mutation={verify}
            onSubmit={() =>
              verify.mutate({
                ...person,
                firstName: person.firstName.trim(),
                lastName: person.lastName.trim(),
              })
            }
            labelledBy="pay-title"
            actions={
              <Button className="button" type="submit">
                {verify.isPending ? 'Checking…' : 'Continue'}
              </Button>
            }
          >
            <PersonFields value={person} onChange={setPerson} />
          </MutationForm>
        </>
      )}
      <p>
        <Link to="/">Back to sign in</Link>
      </p>
    </PracticePage>
  )
}
