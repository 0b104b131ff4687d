import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { postJson } from '../../ui/api.ts'
import { TextInputField } from '../../ui/text-field.tsx'
import { MutationForm } from '../mutation-form.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import type { PortalSessionView } from '../session.ts'
import { type AppConfirmed, type AppEnrollment, groupedKey, svgImage } from './security-api.ts'
import './security.css'

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
        <p>
          Use an authenticator app on your phone (for example Google Authenticator, Microsoft
          Authenticator or 1Password). After your password, sign-in will ask for the code it shows.
        </p>
        {start.isError ? <ProblemAlert key={start.submittedAt} error={start.error} /> : null}
        {/* Not React Aria's isPending: its announcement outlives the button (axe: role-img-alt). */}
        <Button className="button" onPress={() => !start.isPending && start.mutate()}>
          {start.isPending ? 'Starting…' : 'Add authenticator app'}
        </Button>
      </div>
    )
  }
  return (
    <div className="security-step">
      <h3 id="add-app-title">Scan this code with your app</h3>
      <img
        className="security-qr"
        src={svgImage(start.data.qrSvg)}
        alt="QR code for your authenticator app"
        width={200}
        height={200}
      />
      <p>
        Or type this key into the app:{' '}
        <code className="security-key">{groupedKey(start.data.key)}</code>
      </p>
      <MutationForm
        mutation={confirm}
        onSubmit={() => confirm.mutate(code)}
        labelledBy="add-app-title"
        actions={
          <Button className="button" type="submit">
            {confirm.isPending ? 'Checking…' : 'Confirm'}
          </Button>
        }
      >
        <TextInputField
          label="Code from the app"
          name="code"
          value={code}
          onChange={setCode}
          autoComplete="one-time-code"
          requiredMessage="Type the six-digit code your app shows."
          inputProps={{ inputMode: 'numeric' }}
        />
      </MutationForm>
    </div>
  )
}

/** Recovery codes, shown once: each signs in once in place of the app's code. */
export function RecoveryCodeList({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="security-step">
      <h3>Your recovery codes</h3>
      <p>
        Keep these somewhere safe. Each one signs you in once if you lose your phone. They will not
        be shown again.
      </p>
      <ul className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <Button className="button" onPress={onDone}>
        I have saved my recovery codes
      </Button>
    </div>
  )
}
