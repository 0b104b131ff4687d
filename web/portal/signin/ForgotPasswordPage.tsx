import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Button, Form } from 'react-aria-components'
import { Link } from 'react-router'
import { isApiError, postJson } from '../../ui/api.ts'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { Card, Page } from '../../ui/layout.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { ProblemAlert, StatusNotice } from '../problem-alert.tsx'
import { type PortalSessionView, useSignedIn } from '../session.ts'
import { usePractice } from './PublicLayout.tsx'
import { PASSWORD_HINT } from './password-hint.ts'

interface ResetCompletion {
  username: string
  code: string
  newPassword: string
  newPasswordAgain: string
}

/**
 * Forgot password, in two steps on one page: the user name (an email with a code goes to the
 * address on file), then the code and a new password, which signs the person in.
 */
export default function ForgotPasswordPage() {
  const practice = usePractice()
  useDocumentTitle('Forgot password', practice.name)
  const [userName, setUserName] = useState('')
  const [step, setStep] = useState<'request' | 'complete'>('request')
  const [sentMessage, setSentMessage] = useState<string>()

  return (
    <Page
      footer={
        <>
          <Link to="/">Back to sign in</Link>
          <Link to="/contact">Contact us</Link>
        </>
      }
    >
      <Card brand={practice.name}>
        <h1 id="forgot-title">Forgot password</h1>
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
      </Card>
    </Page>
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
  const alertId = useId()
  const [haveCodeError, setHaveCodeError] = useState(false)
  const request = useMutation({
    mutationFn: (username: string) =>
      postJson<{ message: string }>('/api/public/password-reset', { username }),
    onSuccess: (answer) => onSent(answer.message),
  })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!request.isPending) request.mutate(userName.trim())
  }

  return (
    <>
      <p>
        Enter your user name. We will email a reset code to the address your dental office has on
        file.
      </p>
      <Form
        className="form"
        onSubmit={submit}
        validationErrors={{
          ...(isApiError(request.error) ? request.error.errors : {}),
          ...(haveCodeError ? { username: 'Enter your user name first.' } : {}),
        }}
        aria-labelledby="forgot-title"
        aria-describedby={request.isError ? alertId : undefined}
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
          isRequired
          maxLength={100}
          validate={(value) => (value.trim() === '' ? 'Enter your user name.' : null)}
          inputProps={{ autoCapitalize: 'none', autoCorrect: 'off', spellCheck: false }}
        />
        {request.isError ? (
          <ProblemAlert key={request.submittedAt} id={alertId} error={request.error} />
        ) : null}
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
      </Form>
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
  const alertId = useId()
  const [code, setCode] = useState('')
  const [newPassword, setNewPassword] = useState('')
  const [newPasswordAgain, setNewPasswordAgain] = useState('')
  const complete = useMutation({
    mutationFn: (body: ResetCompletion) =>
      postJson<PortalSessionView>('/api/public/password-reset/complete', body),
    onSuccess: (view) => signedIn(view),
  })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (complete.isPending) return
    complete.mutate({ username: userName, code: code.trim(), newPassword, newPasswordAgain })
  }

  return (
    <>
      {sentMessage ? <StatusNotice>{sentMessage}</StatusNotice> : null}
      <p>
        Enter the code from the email for <strong>{userName}</strong> and choose a new password.
      </p>
      <Form
        className="form"
        onSubmit={submit}
        validationErrors={isApiError(complete.error) ? complete.error.errors : {}}
        aria-labelledby="forgot-title"
        aria-describedby={complete.isError ? alertId : undefined}
      >
        <TextInputField
          label="Reset code"
          name="code"
          autoComplete="one-time-code"
          value={code}
          onChange={setCode}
          isRequired
          maxLength={20}
          validate={(value) => (value.trim() === '' ? 'Enter the code from the email.' : null)}
          inputProps={{ inputMode: 'numeric', spellCheck: false }}
        />
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
        {complete.isError ? (
          <ProblemAlert key={complete.submittedAt} id={alertId} error={complete.error} />
        ) : null}
        <Button className="button" type="submit">
          {complete.isPending ? 'Saving…' : 'Set password and sign in'}
        </Button>
        <Button className="button button-secondary" onPress={onStartOver}>
          Ask for a new code
        </Button>
      </Form>
    </>
  )
}
