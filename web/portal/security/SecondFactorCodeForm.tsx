import { useState } from 'react'
import { SubmitButton } from '../../ui/submit-button.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { type FormMutation, MutationForm } from '../mutation-form.tsx'

/** What a second factor's answer sends: the code as typed (trimmed), and "remember this device". */
export interface SecondFactorAnswer {
  code: string
  remember: boolean
}

/** The form's words, from the app's own catalog (the portal's or the office's). */
export interface SecondFactorWords {
  code: string
  hint: string
  required: string
  remember: string
  submit: string
  submitting: string
}

/**
 * The second step of signing in, for patients and staff alike: the code from the authenticator
 * app (or a recovery code), and whether this device may skip the step next time. `remember` is
 * the page's, since a passkey offered beside the form uses it too.
 */
export function SecondFactorCodeForm({
  answer,
  labelledBy,
  words,
  remember,
  onRememberChange,
  autoFocus = false,
}: {
  answer: FormMutation & { mutate: (answer: SecondFactorAnswer) => void }
  labelledBy: string
  words: SecondFactorWords
  remember: boolean
  onRememberChange: (remember: boolean) => void
  autoFocus?: boolean
}) {
  const [code, setCode] = useState('')
  return (
    <MutationForm
      mutation={answer}
      onSubmit={() => answer.mutate({ code: code.trim(), remember })}
      labelledBy={labelledBy}
      actions={
        <SubmitButton isPending={answer.isPending} pendingLabel={words.submitting}>
          {words.submit}
        </SubmitButton>
      }
    >
      <TextInputField
        label={words.code}
        name="code"
        value={code}
        onChange={setCode}
        autoComplete="one-time-code"
        description={words.hint}
        requiredMessage={words.required}
        autoFocus={autoFocus}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={remember}
          onChange={(event) => onRememberChange(event.currentTarget.checked)}
        />
        {words.remember}
      </label>
    </MutationForm>
  )
}
