import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { postJson } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { MutationForm } from '../mutation-form.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import type { PortalSessionView } from '../session.ts'
import { type AppConfirmed, type AppEnrollment, groupedKey, svgImage } from './security-api.ts'
import './security.css'
import { SubmitButton } from '../../ui/submit-button.tsx'

/**
 * Adding an authenticator app: the key as a QR code and as text, a code from the app to confirm,
 * then the recovery codes, shown this once.
 */
export function AddAppPanel({
  apiBase = '/api/portal/security',
  onConfirmed,
  onDone,
}: {
  /** Where the app is added: the portal's Security API, or the office's for staff. */
  apiBase?: string
  /** Told as soon as the app counts (the session may have moved on a stage). */
  onConfirmed?: (session: PortalSessionView) => void
  /** "Done" after the recovery codes were read. */
  onDone: () => void
}) {
  const [code, setCode] = useState('')
  const t = useT()
  const start = useMutation({
    mutationFn: () => postJson<AppEnrollment>(`${apiBase}/app`, {}),
  })
  const confirm = useMutation({
    mutationFn: (typed: string) =>
      postJson<Partial<AppConfirmed> & { codes: string[] }>(`${apiBase}/app/confirm`, {
        code: typed,
      }),
    onSuccess: (confirmed) => {
      if (confirmed.session) onConfirmed?.(confirmed.session)
    },
  })

  if (confirm.data) return <RecoveryCodeList codes={confirm.data.codes} onDone={onDone} />
  if (!start.data) {
    return (
      <div className="security-step">
        <p>{t('authApp.explainer')}</p>
        {start.isError ? <ProblemAlert key={start.submittedAt} error={start.error} /> : null}
        {/* Not React Aria's isPending: its announcement outlives the button (axe: role-img-alt). */}
        <Button className="button" onPress={() => !start.isPending && start.mutate()}>
          {start.isPending ? t('authApp.starting') : t('authApp.add')}
        </Button>
      </div>
    )
  }
  return (
    <div className="security-step">
      <h3 id="add-app-title">{t('authApp.scan')}</h3>
      <img
        className="security-qr"
        src={svgImage(start.data.qrSvg)}
        alt={t('authApp.qr')}
        width={200}
        height={200}
      />
      <p>
        {t('authApp.key', {
          key: <code className="security-key">{groupedKey(start.data.key)}</code>,
        })}
      </p>
      <MutationForm
        mutation={confirm}
        onSubmit={() => confirm.mutate(code)}
        labelledBy="add-app-title"
        actions={
          <SubmitButton isPending={confirm.isPending} pendingLabel={t('authApp.checking')}>
            {t('authApp.confirm')}
          </SubmitButton>
        }
      >
        <TextInputField
          label={t('authApp.code')}
          name="code"
          value={code}
          onChange={setCode}
          autoComplete="one-time-code"
          requiredMessage={t('authApp.codeRequired')}
          inputProps={{ inputMode: 'numeric' }}
        />
      </MutationForm>
    </div>
  )
}

/** Recovery codes, shown once: each signs in once in place of the app's code. */
export function RecoveryCodeList({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useT()
  return (
    <div className="security-step">
      <h3>{t('authApp.recoveryTitle')}</h3>
      <p>{t('authApp.recoveryExplainer')}</p>
      <ul className="recovery-codes" aria-label={t('authApp.recoveryCodes')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <Button className="button" onPress={onDone}>
        {t('authApp.saved')}
      </Button>
    </div>
  )
}
