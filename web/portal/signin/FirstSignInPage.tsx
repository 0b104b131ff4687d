import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { Static } from 'typebox'
import type { FirstSignIn as FirstSignInBody } from '../../../server/portal/signin/schemas.ts'
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
import {
  endSessionOn401,
  type PortalSession,
  type PortalSessionView,
  useSignedIn,
} from '../session.ts'
import { PracticePage } from './PublicLayout.tsx'
import { SignOutButton } from './SignOutButton.tsx'
import { StageGate } from './StageGate.tsx'

/** First sign-in with the office's one-time password: choose a password (and maybe a name). */
export default function FirstSignInPage() {
  return (
    <StageGate stage="change-password">{(session) => <FirstSignIn session={session} />}</StageGate>
  )
}

function FirstSignIn({ session }: { session: PortalSession }) {
  const signedIn = useSignedIn()
  const t = useT()
  const queryClient = useQueryClient()
  const [newPassword, setNewPassword] = useState<NewPassword>(NO_NEW_PASSWORD)
  const [newUsername, setNewUsername] = useState('')

  const save = useMutation({
    mutationFn: (body: Static<typeof FirstSignInBody>) =>
      postJson<PortalSessionView>('/api/portal/first-sign-in', body),
    onSuccess: (view) => signedIn(view),
    onError: (error) => endSessionOn401(queryClient, error),
  })

  function submit() {
    const wanted = newUsername.trim()
    save.mutate({
      ...newPassword,
      ...(session.canChangeUsername && wanted !== '' ? { newUsername: wanted } : {}),
    })
  }

  return (
    <PracticePage title={t('firstSignIn.title')} titleId="first-sign-in-title">
      <p>{t('firstSignIn.intro')}</p>
      <MutationForm
        mutation={save}
        onSubmit={submit}
        labelledBy="first-sign-in-title"
        actions={
          <SubmitButton isPending={save.isPending} pendingLabel={t('form.saving')}>
            {t('firstSignIn.save')}
          </SubmitButton>
        }
      >
        <NewPasswordFields value={newPassword} onChange={setNewPassword} />
        {session.canChangeUsername ? (
          <TextInputField
            label={t('firstSignIn.newUserName')}
            name="newUsername"
            autoComplete="username"
            description={t('firstSignIn.newUserNameHint', { userName: session.username })}
            value={newUsername}
            onChange={setNewUsername}
            inputProps={{ autoCapitalize: 'none', autoCorrect: 'off', spellCheck: false }}
          />
        ) : null}
      </MutationForm>
      <SignOutButton />
    </PracticePage>
  )
}
