import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Button, Form } from 'react-aria-components'
import { postJson } from '../ui/api.ts'
import { useDocumentTitle } from '../ui/document-title.ts'
import { Card, Page } from '../ui/layout.tsx'
import { type NewPassword, NewPasswordFields, NO_NEW_PASSWORD } from '../ui/new-password-fields.tsx'
import { actionFailureMessage } from './labels.ts'
import { endOfficeSession, SESSION_KEY, type StaffSession } from './office-api.ts'
import { useFieldErrors } from './settings/section.tsx'

/**
 * Signed in with the one-time password an administrator gave: the console shows only this until
 * the member has chosen their own (the server refuses every other console request meanwhile).
 */
export function ChooseOwnPasswordPage({ staff }: { staff: StaffSession }) {
  useDocumentTitle('Choose your password', staff.practiceName)
  const queryClient = useQueryClient()
  const [password, setPassword] = useState<NewPassword>(NO_NEW_PASSWORD)
  const save = useMutation({
    mutationFn: (body: NewPassword) => postJson<StaffSession>('/api/office/session/password', body),
    onSuccess: (session) => queryClient.setQueryData(SESSION_KEY, session),
  })
  const signOut = useMutation({
    mutationFn: endOfficeSession,
    onSuccess: () => window.location.replace('/office/sign-in'),
  })
  const errors = useFieldErrors(save.error)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!save.isPending) save.mutate(password)
  }

  return (
    <Page>
      <Card brand={staff.practiceName}>
        <h1 id="own-password-heading">Choose your password</h1>
        <p className="card-subtitle">
          Welcome, {staff.displayName}. The password you were given works only once: choose your own
          to open the office console.
        </p>
        <Form
          className="form"
          onSubmit={submit}
          validationErrors={errors}
          validationBehavior="aria"
          aria-labelledby="own-password-heading"
        >
          <input type="hidden" name="username" autoComplete="username" value={staff.username} />
          <NewPasswordFields value={password} onChange={setPassword} />
          {save.isError && Object.keys(errors).length === 0 ? (
            <div className="notice notice-error" role="alert">
              <p>{actionFailureMessage(save.error, 'Saving your password')}</p>
            </div>
          ) : null}
          {/* Not isPending: its announcement would point at a button about to be gone. */}
          <Button type="submit" className="button">
            {save.isPending ? 'Saving…' : 'Save and continue'}
          </Button>
        </Form>
        <Button
          className="button button-secondary"
          onPress={() => {
            if (!signOut.isPending) signOut.mutate()
          }}
        >
          Sign out
        </Button>
      </Card>
    </Page>
  )
}
