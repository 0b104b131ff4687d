import type { Static } from 'typebox'
import type { ChangePassword } from '../../server/portal/signin/schemas.ts'
import { type Translate, useT } from './i18n/i18n.tsx'
import { type Controlled, FieldGroup, type GroupField } from './text-field.tsx'

/** The new password, typed twice, as every password form sends it. */
export type NewPassword = Pick<Static<typeof ChangePassword>, 'newPassword' | 'newPasswordAgain'>

export const NO_NEW_PASSWORD: NewPassword = { newPassword: '', newPasswordAgain: '' }

const fields = (t: Translate): readonly GroupField<NewPassword>[] => [
  {
    label: t('password.new'),
    name: 'newPassword',
    type: 'password',
    autoComplete: 'new-password',
    // The hint under every new-password field; the server decides what it accepts.
    description: t('password.hint'),
    requiredMessage: t('password.newRequired'),
  },
  {
    label: t('password.again'),
    name: 'newPasswordAgain',
    type: 'password',
    autoComplete: 'new-password',
    requiredMessage: t('password.againRequired'),
  },
]

/**
 * Choosing a password (first sign-in, reset, change): the new one with the policy hint, then the
 * same again. Inside a `<Form validationErrors>`, the server's messages for `newPassword` and
 * `newPasswordAgain` show under these fields.
 */
export function NewPasswordFields(props: Controlled<NewPassword>) {
  const t = useT()
  return <FieldGroup fields={fields(t)} {...props} />
}
