import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { postJson } from '../../ui/api.ts'
import { TextInputField } from '../../ui/text-field.tsx'
import { MutationForm } from '../mutation-form.tsx'
import { endSessionOn401, type PortalSessionView, useSignedIn } from '../session.ts'
import { PracticePage } from './PublicLayout.tsx'
import { SignOutButton } from './SignOutButton.tsx'
import { StageGate } from './StageGate.tsx'
import './signin.css'

/** After the password: the code from the authenticator app, or a recovery code. */
export default function SecondFactorPage() {
  return <StageGate stage="second-factor">{() => <SecondFactor />}</StageGate>
}

function SecondFactor() {
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
    <PracticePage title="Enter your code" titleId="second-factor-title">
      <p>Open your authenticator app and type the six-digit code it shows for this portal.</p>
      <MutationForm
        mutation={answer}
        onSubmit={() => answer.mutate()}
        labelledBy="second-factor-title"
        actions={
          <Button className="button" type="submit">
            {answer.isPending ? 'Checking…' : 'Continue'}
          </Button>
        }
      >
        <TextInputField
          label="Code"
          name="code"
          value={code}
          onChange={setCode}
          autoComplete="one-time-code"
          description="Lost your phone? Type one of your recovery codes instead."
          requiredMessage="Type the code from your app."
          autoFocus
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={remember}
            onChange={(event) => setRemember(event.currentTarget.checked)}
          />
          Remember this browser for 30 days
        </label>
      </MutationForm>
      <SignOutButton />
    </PracticePage>
  )
}
