import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { MutationForm } from '../portal/mutation-form.tsx'
import { AddAppPanel } from '../portal/security/AddAppPanel.tsx'
import { postJson } from '../ui/api.ts'
import { TextInputField } from '../ui/text-field.tsx'

/** After a staff member's password: the authenticator code, or adding an app the policy asks for. */
export function OfficeSecondFactor({
  step,
  onDone,
}: {
  step: 'answer' | 'enroll'
  onDone: () => void
}) {
  if (step === 'enroll') {
    return (
      <>
        <p>Your practice asks administrators to sign in with a second step. Add an app to go on.</p>
        <AddAppPanel apiBase="/api/office/security" onDone={onDone} />
      </>
    )
  }
  return <CodeStep onDone={onDone} />
}

function CodeStep({ onDone }: { onDone: () => void }) {
  const [code, setCode] = useState('')
  const [remember, setRemember] = useState(false)
  const answer = useMutation({
    mutationFn: () =>
      postJson('/api/office/session/second-factor', { code: code.trim(), remember }),
    onSuccess: onDone,
  })
  return (
    <MutationForm
      mutation={answer}
      onSubmit={() => answer.mutate()}
      labelledBy="office-heading"
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
        description="The six-digit code from your authenticator app, or a recovery code."
        requiredMessage="Type the code from your app."
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
  )
}
