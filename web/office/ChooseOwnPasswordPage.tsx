import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { postJson } from '../ui/api.ts'
import { useDocumentTitle } from '../ui/document-title.ts'
import { useT } from '../ui/i18n/i18n.tsx'
import { Card, Page } from '../ui/layout.tsx'
import { type NewPassword, NewPasswordFields, NO_NEW_PASSWORD } from '../ui/new-password-fields.tsx'
import { SubmitButton } from '../ui/submit-button.tsx'
import { OfficeForm } from './OfficeForm.tsx'
import { endOfficeSession, SESSION_KEY, type StaffSession } from './office-api.ts'

/**
 * Signed in with the one-time password an administrator gave: the console shows only this until
 * the member has chosen their own (the server refuses every other console request meanwhile).
 */
export function ChooseOwnPasswordPage({ staff }: { staff: StaffSession }) {
  const t = useT()
  useDocumentTitle(t('office.ownPassword.title'), staff.practiceName)
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

  return (
    <Page>
      <Card brand={staff.practiceName}>
        <h1 id="own-password-heading">{t('office.ownPassword.title')}</h1>
        <p className="card-subtitle">
          {t('office.ownPassword.intro', { name: staff.displayName })}
        </p>
        <OfficeForm
          mutation={save}
          what={t('office.ownPassword.saving')}
          onSubmit={() => save.mutate(password)}
          labelledBy="own-password-heading"
          actions={
            // Not isPending: its announcement would point at a button about to be gone.
            <SubmitButton
              isPending={save.isPending}
              pendingLabel={t('office.ownPassword.savingNow')}
            >
              {t('office.ownPassword.save')}
            </SubmitButton>
          }
        >
          <input type="hidden" name="username" autoComplete="username" value={staff.username} />
          <NewPasswordFields value={password} onChange={setPassword} />
        </OfficeForm>
        <Button
          className="button button-secondary"
          onPress={() => {
            if (!signOut.isPending) signOut.mutate()
          }}
        >
          {t('office.shell.signOut')}
        </Button>
      </Card>
    </Page>
  )
}
