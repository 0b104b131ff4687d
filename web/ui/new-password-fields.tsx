import type { Static } from 'typebox'
import type { ChangePassword } from '../../server/portal/signin/schemas.ts'
import { type Controlled, FieldGroup, type GroupField } from './text-field.tsx'

/** Shown under every new-password field; the server decides what it accepts. */
export const PASSWORD_HINT = 'At least 8 characters. A few words you can remember work well.'

/** The new password, typed twice, as every password form sends it. */
export type NewPassword = Pick<Static<typeof ChangePassword>, 'newPassword' | 'newPasswordAgain'>

export const NO_NEW_PASSWORD: NewPassword = { newPassword: '', newPasswordAgain: '' }

const FIELDS: readonly GroupField<NewPassword>[] = [
  {
    label: 'New password',
    name: 'newPassword',
    type: 'password',
    autoComplete: 'new-password',
    description: PASSWORD_HINT,
    requiredMessage: 'Enter a new password.',
  },
  {
    label: 'New password again',
    name: 'newPasswordAgain',
    type: 'password',
    autoComplete: 'new-password',
    requiredMessage: 'Enter the new password again.',
  },
]

/**
 * Choosing a password (first sign-in, reset, change): the new one with the policy hint, then the
 * same again. Inside a `<Form validationErrors>`, the server's messages for `newPassword` and
 * `newPasswordAgain` show under these fields.
 */
export function NewPasswordFields(props: Controlled<NewPassword>) {
  return <FieldGroup fields={FIELDS} {...props} />
}
