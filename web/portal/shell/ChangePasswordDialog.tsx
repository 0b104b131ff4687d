import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Button, Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components'
import { isApiError, postJson } from '../../ui/api.ts'
import { TextInputField } from '../../ui/text-field.tsx'
import { ProblemAlert, StatusNotice } from '../problem-alert.tsx'
import { PASSWORD_HINT } from '../signin/password-hint.ts'

interface PasswordChange {
  currentPassword: string
  newPassword: string
  newPasswordAgain: string
}

/** Change password: the current one, then the new one twice. */
export function ChangePasswordDialog({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean
  onOpenChange: (isOpen: boolean) => void
}) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable
    >
      <Modal className="modal">
        <Dialog className="dialog">{({ close }) => <ChangePasswordForm close={close} />}</Dialog>
      </Modal>
    </ModalOverlay>
  )
}

function ChangePasswordForm({ close }: { close: () => void }) {
  const alertId = useId()
  const [fields, setFields] = useState<PasswordChange>({
    currentPassword: '',
    newPassword: '',
    newPasswordAgain: '',
  })
  const change = useMutation({
    mutationFn: (body: PasswordChange) => postJson<undefined>('/api/portal/password', body),
  })
  const set = (name: keyof PasswordChange) => (value: string) =>
    setFields((current) => ({ ...current, [name]: value }))

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!change.isPending) change.mutate(fields)
  }

  if (change.isSuccess) {
    return (
      <>
        <Heading slot="title">Change password</Heading>
        <StatusNotice>Your password has been changed.</StatusNotice>
        <div className="dialog-actions">
          <Button className="button" autoFocus onPress={close}>
            Close
          </Button>
        </div>
      </>
    )
  }

  return (
    <>
      <Heading slot="title">Change password</Heading>
      <Form
        className="form"
        onSubmit={submit}
        validationErrors={isApiError(change.error) ? change.error.errors : {}}
        aria-describedby={change.isError ? alertId : undefined}
      >
        <TextInputField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          inputProps={{ autoFocus: true }}
          value={fields.currentPassword}
          onChange={set('currentPassword')}
          isRequired
          validate={(value) => (value === '' ? 'Enter your current password.' : null)}
        />
        <TextInputField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          description={PASSWORD_HINT}
          value={fields.newPassword}
          onChange={set('newPassword')}
          isRequired
          validate={(value) => (value === '' ? 'Enter a new password.' : null)}
        />
        <TextInputField
          label="New password again"
          name="newPasswordAgain"
          type="password"
          autoComplete="new-password"
          value={fields.newPasswordAgain}
          onChange={set('newPasswordAgain')}
          isRequired
          validate={(value) => (value === '' ? 'Enter the new password again.' : null)}
        />
        {change.isError ? (
          <ProblemAlert key={change.submittedAt} id={alertId} error={change.error} />
        ) : null}
        <div className="dialog-actions">
          <Button className="button" type="submit">
            {change.isPending ? 'Saving…' : 'Change password'}
          </Button>
          <Button className="button button-secondary" onPress={close}>
            Cancel
          </Button>
        </div>
      </Form>
    </>
  )
}
