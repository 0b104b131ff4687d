import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Button, Form } from 'react-aria-components'
import { isApiError, postJson } from '../../ui/api.ts'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { Card, Page } from '../../ui/layout.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import {
  endSessionOn401,
  type PortalSession,
  type PortalSessionView,
  useSignedIn,
} from '../session.ts'
import { usePractice } from './PublicLayout.tsx'
import { PASSWORD_HINT } from './password-hint.ts'
import { SignOutButton } from './SignOutButton.tsx'
import { StageGate } from './StageGate.tsx'

/** First sign-in with the office's one-time password: choose a password (and maybe a name). */
export default function FirstSignInPage() {
  return (
    <StageGate stage="change-password">{(session) => <FirstSignIn session={session} />}</StageGate>
  )
}

interface FirstSignInBody {
  newPassword: string
  newPasswordAgain: string
  newUsername?: string
}

function FirstSignIn({ session }: { session: PortalSession }) {
  const practice = usePractice()
  useDocumentTitle('Choose your password', practice.name)
  const signedIn = useSignedIn()
  const queryClient = useQueryClient()
  const alertId = useId()
  const [newPassword, setNewPassword] = useState('')
  const [newPasswordAgain, setNewPasswordAgain] = useState('')
  const [newUsername, setNewUsername] = useState('')

  const save = useMutation({
    mutationFn: (body: FirstSignInBody) =>
      postJson<PortalSessionView>('/api/portal/first-sign-in', body),
    onSuccess: (view) => signedIn(view),
    onError: (error) => endSessionOn401(queryClient, error),
  })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (save.isPending) return
    const wanted = newUsername.trim()
    save.mutate({
      newPassword,
      newPasswordAgain,
      ...(session.canChangeUsername && wanted !== '' ? { newUsername: wanted } : {}),
    })
  }

  return (
    <Page>
      <Card brand={practice.name}>
        <h1 id="first-sign-in-title">Choose your password</h1>
        <p>
          Welcome. The password from the office works only once, so please choose your own password
          now.
        </p>
        <Form
          className="form"
          onSubmit={submit}
          validationErrors={isApiError(save.error) ? save.error.errors : {}}
          aria-labelledby="first-sign-in-title"
          aria-describedby={save.isError ? alertId : undefined}
        >
          <TextInputField
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            description={PASSWORD_HINT}
            value={newPassword}
            onChange={setNewPassword}
            isRequired
            validate={(value) => (value === '' ? 'Enter a new password.' : null)}
          />
          <TextInputField
            label="New password again"
            name="newPasswordAgain"
            type="password"
            autoComplete="new-password"
            value={newPasswordAgain}
            onChange={setNewPasswordAgain}
            isRequired
            validate={(value) => (value === '' ? 'Enter the new password again.' : null)}
          />
          {session.canChangeUsername ? (
            <TextInputField
              label="Choose a new user name (optional, this once only)"
              name="newUsername"
              autoComplete="username"
              description={`Your user name is ${session.username}. Leave this empty to keep it.`}
              value={newUsername}
              onChange={setNewUsername}
              inputProps={{ autoCapitalize: 'none', autoCorrect: 'off', spellCheck: false }}
            />
          ) : null}
          {save.isError ? (
            <ProblemAlert key={save.submittedAt} id={alertId} error={save.error} />
          ) : null}
          <Button className="button" type="submit">
            {save.isPending ? 'Saving…' : 'Save and continue'}
          </Button>
        </Form>
        <SignOutButton />
      </Card>
    </Page>
  )
}
