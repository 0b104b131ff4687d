import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { postJson } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { MutationForm } from '../mutation-form.tsx'
import { endSessionOn401, type PortalSessionView, useSignedIn } from '../session.ts'
import { PasskeySignIn } from './PasskeySignIn.tsx'
import { PracticePage } from './PublicLayout.tsx'
import { SignOutButton } from './SignOutButton.tsx'
import { StageGate } from './StageGate.tsx'
import './signin.css'
import { SubmitButton } from '../../ui/submit-button.tsx'

/** After the password: the code from the authenticator app, or a recovery code. */
export default function SecondFactorPage() {
  return <StageGate stage="second-factor">{() => <SecondFactor />}</StageGate>
}

function SecondFactor() {
  const t = useT()
  const signedIn = useSignedIn()
  const queryClient = useQueryClient()
  const [code, setCode] = useState('')
  const [remember, setRemember] = useState(false)
  const answer = useMutation({
    mutationFn: () =>
      postJson<PortalSessionView>('/api/portal/session/second-factor', {
        code: code.trim(),
        remember,
      }),
    onSuccess: (view) => signedIn(view),
    onError: (error) => endSessionOn401(queryClient, error),
  })
  return (
    <PracticePage title={t('twoStep.title')} titleId="second-factor-title">
      <p>{t('twoStep.explainer')}</p>
      <MutationForm
        mutation={answer}
        onSubmit={() => answer.mutate()}
        labelledBy="second-factor-title"
        actions={
          <SubmitButton isPending={answer.isPending} pendingLabel={t('pay.checking')}>
            {t('pay.continue')}
          </SubmitButton>
        }
      >
        <TextInputField
          label={t('twoStep.code')}
          name="code"
          value={code}
          onChange={setCode}
          autoComplete="one-time-code"
          description={t('twoStep.lostPhone')}
          requiredMessage={t('twoStep.required')}
          autoFocus
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={remember}
            onChange={(event) => setRemember(event.currentTarget.checked)}
          />
          {t('twoStep.remember')}
        </label>
      </MutationForm>
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
