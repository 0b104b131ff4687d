import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { postJson } from '../../ui/api.ts'
import { CloseButton, DialogActions, type DialogOpenState, DialogShell } from '../../ui/dialog.tsx'
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

/** Change password: the current one, then the new one twice. */
export function ChangePasswordDialog({ isOpen, onOpenChange }: DialogOpenState) {
  const t = useT()
  return (
    <DialogShell title={t('header.changePassword')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <ChangePasswordForm />
    </DialogShell>
  )
}

function ChangePasswordForm() {
  const t = useT()
  const [currentPassword, setCurrentPassword] = useState('')
  const [newPassword, setNewPassword] = useState<NewPassword>(NO_NEW_PASSWORD)
  const change = useMutation({
    mutationFn: (body: NewPassword & { currentPassword: string }) =>
      postJson<undefined>('/api/portal/password', body),
  })

  if (change.isSuccess) {
    return (
      <>
        <StatusNotice>{t('password.changed')}</StatusNotice>
        <DialogActions>
          <Button slot="close" className="button" autoFocus>
            {t('dialog.close')}
          </Button>
        </DialogActions>
      </>
    )
  }

  return (
    <MutationForm
      mutation={change}
      onSubmit={() => change.mutate({ currentPassword, ...newPassword })}
      actions={
        <DialogActions>
          <SubmitButton isPending={change.isPending} pendingLabel={t('form.saving')}>
            {t('header.changePassword')}
          </SubmitButton>
          <CloseButton label={t('dialog.cancel')} />
        </DialogActions>
      }
    >
      <TextInputField
        label={t('password.current')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        inputProps={{ autoFocus: true }}
        value={currentPassword}
        onChange={setCurrentPassword}
        requiredMessage={t('password.currentRequired')}
      />
      <NewPasswordFields value={newPassword} onChange={setNewPassword} />
    </MutationForm>
  )
}
