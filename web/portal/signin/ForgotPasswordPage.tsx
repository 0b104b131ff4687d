import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import type { Static } from 'typebox'
import type { ResetCompletion } from '../../../server/portal/signin/schemas.ts'
import { postJson } from '../../ui/api.ts'
import {
  type NewPassword,
  NewPasswordFields,
  NO_NEW_PASSWORD,
} from '../../ui/new-password-fields.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { MutationForm } from '../mutation-form.tsx'
import { StatusNotice } from '../problem-alert.tsx'
import { type PortalSessionView, useSignedIn } from '../session.ts'
import { LINKS, PracticePage } from './PublicLayout.tsx'

/**
 * Forgot password, in two steps on one page: the user name (an email with a code goes to the
 * address on file), then the code and a new password, which signs the person in.
 */
export default function ForgotPasswordPage() {
  const [userName, setUserName] = useState('')
  const [step, setStep] = useState<'request' | 'complete'>('request')
  const [sentMessage, setSentMessage] = useState<string>()

  return (
    <PracticePage
      title="Forgot password"
      titleId="forgot-title"
      links={[LINKS.signIn, LINKS.contact]}
    >
      {step === 'request' ? (
        <RequestCode
          userName={userName}
          onUserName={setUserName}
          onSent={(message) => {
            setSentMessage(message)
            setStep('complete')
          }}
          onHaveCode={() => {
            setSentMessage(undefined)
            setStep('complete')
          }}
        />
      ) : (
        <CompleteReset
          userName={userName.trim()}
          sentMessage={sentMessage}
          onStartOver={() => setStep('request')}
        />
      )}
    </PracticePage>
  )
}

function RequestCode({
  userName,
  onUserName,
  onSent,
  onHaveCode,
}: {
  userName: string
  onUserName: (value: string) => void
  onSent: (message: string) => void
  onHaveCode: () => void
}) {
  const [haveCodeError, setHaveCodeError] = useState(false)
  const request = useMutation({
    mutationFn: (username: string) =>
      postJson<{ message: string }>('/api/public/password-reset', { username }),
    onSuccess: (answer) => onSent(answer.message),
  })

  return (
    <>
      <p>
        Enter your user name. We will email a reset code to the address your dental office has on
        file.
      </p>
      <MutationForm
        mutation={request}
        onSubmit={() => request.mutate(userName.trim())}
        labelledBy="forgot-title"
        moreErrors={haveCodeError ? { username: 'Enter your user name first.' } : {}}
        actions={
          <>
            <Button className="button" type="submit">
              {request.isPending ? 'Sending…' : 'Email me a code'}
            </Button>
            <Button
              className="button button-secondary"
              onPress={() => {
                if (userName.trim() === '') setHaveCodeError(true)
                else onHaveCode()
              }}
            >
              I already have a code
            </Button>
          </>
        }
      >
        <TextInputField
          label="User name"
          name="username"
          autoComplete="username"
          value={userName}
          onChange={(value) => {
            setHaveCodeError(false)
            onUserName(value)
          }}
          requiredMessage="Enter your user name."
          maxLength={100}
          inputProps={{ autoCapitalize: 'none', autoCorrect: 'off', spellCheck: false }}
        />
      </MutationForm>
    </>
  )
}

function CompleteReset({
  userName,
  sentMessage,
  onStartOver,
}: {
  userName: string
  sentMessage: string | undefined
  onStartOver: () => void
}) {
  const signedIn = useSignedIn()
  const [code, setCode] = useState('')
  const [newPassword, setNewPassword] = useState<NewPassword>(NO_NEW_PASSWORD)
  const complete = useMutation({
    mutationFn: (body: Static<typeof ResetCompletion>) =>
      postJson<PortalSessionView>('/api/public/password-reset/complete', body),
    onSuccess: (view) => signedIn(view),
  })

  return (
    <>
      {sentMessage ? <StatusNotice>{sentMessage}</StatusNotice> : null}
      <p>
        Enter the code from the email for <strong>{userName}</strong> and choose a new password.
      </p>
      <MutationForm
        mutation={complete}
        onSubmit={() => complete.mutate({ username: userName, code: code.trim(), ...newPassword })}
        labelledBy="forgot-title"
        actions={
          <>
            <Button className="button" type="submit">
              {complete.isPending ? 'Saving…' : 'Set password and sign in'}
            </Button>
            <Button className="button button-secondary" onPress={onStartOver}>
              Ask for a new code
            </Button>
          </>
        }
      >
        <TextInputField
          label="Reset code"
          name="code"
          autoComplete="one-time-code"
          value={code}
          onChange={setCode}
          requiredMessage="Enter the code from the email."
          maxLength={20}
          inputProps={{ inputMode: 'numeric', spellCheck: false }}
        />
        <NewPasswordFields value={newPassword} onChange={setNewPassword} />
      </MutationForm>
    </>
  )
}
