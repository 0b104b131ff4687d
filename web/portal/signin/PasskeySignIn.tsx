import type { startAuthentication } from '@simplewebauthn/browser'
import { postJson } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { useSubmission } from '../../ui/submission.ts'
import { ProblemAlert } from '../problem-alert.tsx'
import type { PortalSessionView } from '../session-view.ts'

type SignInOptions = Parameters<typeof startAuthentication>[0]['optionsJSON']

/**
 * A passkey instead of a password ("/api/portal/session/passkey"), or instead of a code at the
 * second-factor step ("/api/portal/session/second-factor/passkey").
 */
export function PasskeySignIn({
  endpoint,
  label,
  remember,
  onSignedIn,
}: {
  endpoint: string
  label: string
  remember?: boolean
  onSignedIn: (view: PortalSessionView) => void
}) {
  const t = useT()
  const signIn = useSubmission(onSignedIn)
  // A native button, like the sign-in form's: the sign-in page loads without React Aria.
  const start = async () => {
    const optionsJSON = await postJson<SignInOptions>(`${endpoint}/options`, {})
    // Loaded when pressed: the sign-in page's first download stays without the WebAuthn client.
    const { startAuthentication } = await import('@simplewebauthn/browser')
    const response = await startAuthentication({ optionsJSON })
    const body = remember === undefined ? response : { response, remember }
    return postJson<PortalSessionView>(endpoint, body)
  }
  return (
    <div className="passkey-sign-in">
      {signIn.isError ? <ProblemAlert key={signIn.submittedAt} error={signIn.error} /> : null}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => void signIn.submit(start)}
      >
        {signIn.isPending ? t('passkeys.signingIn') : label}
      </button>
    </div>
  )
}
