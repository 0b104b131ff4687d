import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { postJson } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { type SecondFactorAnswer, SecondFactorCodeForm } from '../security/SecondFactorCodeForm.tsx'
import { endSessionOn401, type PortalSessionView, useSignedIn } from '../session.ts'
import { PasskeySignIn } from './PasskeySignIn.tsx'
import { PracticePage } from './PublicLayout.tsx'
import { SignOutButton } from './SignOutButton.tsx'
import { StageGate } from './StageGate.tsx'
import './signin.css'

/** After the password: the code from the authenticator app, or a recovery code. */
export default function SecondFactorPage() {
  return <StageGate stage="second-factor">{() => <SecondFactor />}</StageGate>
}

function SecondFactor() {
  const t = useT()
  const signedIn = useSignedIn()
  const queryClient = useQueryClient()
  const [remember, setRemember] = useState(false)
  const answer = useMutation({
    mutationFn: (body: SecondFactorAnswer) =>
      postJson<PortalSessionView>('/api/portal/session/second-factor', body),
    onSuccess: (view) => signedIn(view),
    onError: (error) => endSessionOn401(queryClient, error),
  })
  return (
    <PracticePage title={t('twoStep.title')} titleId="second-factor-title">
      <p>{t('twoStep.explainer')}</p>
      <SecondFactorCodeForm
        answer={answer}
        labelledBy="second-factor-title"
        words={{
          code: t('twoStep.code'),
          hint: t('twoStep.lostPhone'),
          required: t('twoStep.required'),
          remember: t('twoStep.remember'),
          submit: t('pay.continue'),
          submitting: t('pay.checking'),
        }}
        remember={remember}
        onRememberChange={setRemember}
        autoFocus
      />
      <PasskeySignIn
        endpoint="/api/portal/session/second-factor/passkey"
        label={t('passkeys.useInstead')}
        remember={remember}
        onSignedIn={(view) => signedIn(view)}
      />
      <SignOutButton />
    </PracticePage>
  )
}
