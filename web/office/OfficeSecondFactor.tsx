import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { MutationForm } from '../portal/mutation-form.tsx'
import { AddAppPanel } from '../portal/security/AddAppPanel.tsx'
import { postJson } from '../ui/api.ts'
import { useT } from '../ui/i18n/i18n.tsx'
import { SubmitButton } from '../ui/submit-button.tsx'
import { TextInputField } from '../ui/text-field.tsx'

/** After a staff member's password: the authenticator code, or adding an app the policy asks for. */
export function OfficeSecondFactor({
  step,
  onDone,
}: {
  step: 'answer' | 'enroll'
  onDone: () => void
}) {
  const t = useT()
  if (step === 'enroll') {
    return (
      <>
        <p>{t('office.secondFactor.enroll')}</p>
        <AddAppPanel apiBase="/api/office/security" onDone={onDone} />
      </>
    )
  }
  return <CodeStep onDone={onDone} />
}

function CodeStep({ onDone }: { onDone: () => void }) {
  const [code, setCode] = useState('')
  const [remember, setRemember] = useState(false)
  const t = useT()
  const answer = useMutation({
    mutationFn: () =>
      postJson('/api/office/session/second-factor', { code: code.trim(), remember }),
    onSuccess: onDone,
  })
  return (
    <MutationForm
      mutation={answer}
      onSubmit={() => answer.mutate()}
      labelledBy="office-heading"
      actions={
        <SubmitButton isPending={answer.isPending} pendingLabel={t('office.secondFactor.checking')}>
          {t('office.secondFactor.continue')}
        </SubmitButton>
      }
    >
      <TextInputField
        label={t('office.secondFactor.code')}
        name="code"
        value={code}
        onChange={setCode}
        autoComplete="one-time-code"
        description={t('office.secondFactor.description')}
        requiredMessage={t('office.secondFactor.required')}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={remember}
          onChange={(event) => setRemember(event.currentTarget.checked)}
        />
        {t('office.secondFactor.remember')}
      </label>
    </MutationForm>
  )
}
