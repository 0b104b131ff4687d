import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import type { Static } from 'typebox'
import type { ResetCompletion } from '../../../server/portal/signin/schemas.ts'
import { postJson } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import {
  type NewPassword,
  NewPasswordFields,
  NO_NEW_PASSWORD,
} from '../../ui/new-password-fields.tsx'
import { SubmitButton } from '../../ui/submit-button.tsx'
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
  const t = useT()

  return (
    <PracticePage
      title={t('links.forgotPassword')}
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
  const t = useT()
  const request = useMutation({
    mutationFn: (username: string) =>
      postJson<{ message: string }>('/api/public/password-reset', { username }),
    onSuccess: (answer) => onSent(answer.message),
  })

  return (
    <>
      <p>{t('forgot.intro')}</p>
      <MutationForm
        mutation={request}
        onSubmit={() => request.mutate(userName.trim())}
        labelledBy="forgot-title"
        moreErrors={haveCodeError ? { username: t('forgot.userNameFirst') } : {}}
        actions={
          <>
            <SubmitButton isPending={request.isPending} pendingLabel={t('form.sending')}>
              {t('forgot.emailCode')}
            </SubmitButton>
            <Button
              className="button button-secondary"
              onPress={() => {
                if (userName.trim() === '') setHaveCodeError(true)
                else onHaveCode()
              }}
            >
              {t('forgot.haveCode')}
            </Button>
          </>
        }
      >
        <TextInputField
          label={t('signIn.userName')}
          name="username"
          autoComplete="username"
          value={userName}
          onChange={(value) => {
            setHaveCodeError(false)
            onUserName(value)
          }}
          requiredMessage={t('signIn.userNameRequired')}
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
  const t = useT()
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
      <p>{t('forgot.enterCode', { userName, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <MutationForm
        mutation={complete}
        onSubmit={() => complete.mutate({ username: userName, code: code.trim(), ...newPassword })}
        labelledBy="forgot-title"
        actions={
          <>
            <SubmitButton isPending={complete.isPending} pendingLabel={t('form.saving')}>
              {t('forgot.setPassword')}
            </SubmitButton>
            <Button className="button button-secondary" onPress={onStartOver}>
              {t('forgot.newCode')}
            </Button>
          </>
        }
      >
        <TextInputField
          label={t('forgot.code')}
          name="code"
          autoComplete="one-time-code"
          value={code}
          onChange={setCode}
          requiredMessage={t('forgot.codeRequired')}
          maxLength={20}
          inputProps={{ inputMode: 'numeric', spellCheck: false }}
        />
        <NewPasswordFields value={newPassword} onChange={setNewPassword} />
      </MutationForm>
    </>
  )
}
