import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { AddAppPanel } from '../portal/security/AddAppPanel.tsx'
import {
  type SecondFactorAnswer,
  SecondFactorCodeForm,
} from '../portal/security/SecondFactorCodeForm.tsx'
import { postJson } from '../ui/api.ts'
import { useT } from '../ui/i18n/i18n.tsx'

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
  const [remember, setRemember] = useState(false)
  const t = useT()
  const answer = useMutation({
    mutationFn: (body: SecondFactorAnswer) => postJson('/api/office/session/second-factor', body),
    onSuccess: onDone,
  })
  return (
    <SecondFactorCodeForm
      answer={answer}
      labelledBy="office-heading"
      remember={remember}
      onRememberChange={setRemember}
      words={{
        code: t('office.secondFactor.code'),
        hint: t('office.secondFactor.description'),
        required: t('office.secondFactor.required'),
        remember: t('office.secondFactor.remember'),
        submit: t('office.secondFactor.continue'),
        submitting: t('office.secondFactor.checking'),
      }}
    />
  )
}
