import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { postJson } from '../../ui/api.ts'
import { CloseButton, DialogActions, type DialogOpenState, DialogShell } from '../../ui/dialog.tsx'
import {
  type NewPassword,
  NewPasswordFields,
  NO_NEW_PASSWORD,
} from '../../ui/new-password-fields.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { MutationForm } from '../mutation-form.tsx'
import { StatusNotice } from '../problem-alert.tsx'

/** Change password: the current one, then the new one twice. */
export function ChangePasswordDialog({ isOpen, onOpenChange }: DialogOpenState) {
  return (
    <DialogShell title="Change password" isOpen={isOpen} onOpenChange={onOpenChange}>
      <ChangePasswordForm />
    </DialogShell>
  )
}

function ChangePasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('')
  const [newPassword, setNewPassword] = useState<NewPassword>(NO_NEW_PASSWORD)
  const change = useMutation({
    mutationFn: (body: NewPassword & { currentPassword: string }) =>
      postJson<undefined>('/api/portal/password', body),
  })

  if (change.isSuccess) {
    return (
      <>
        <StatusNotice>Your password has been changed.</StatusNotice>
        <DialogActions>
          <Button slot="close" className="button" autoFocus>
            Close
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
          <Button className="button" type="submit">
            {change.isPending ? 'Saving…' : 'Change password'}
          </Button>
          <CloseButton label="Cancel" />
        </DialogActions>
      }
    >
      <TextInputField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        inputProps={{ autoFocus: true }}
        value={currentPassword}
        onChange={setCurrentPassword}
        requiredMessage="Enter your current password."
      />
      <NewPasswordFields value={newPassword} onChange={setNewPassword} />
    </MutationForm>
  )
}
