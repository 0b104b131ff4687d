import { useMutation, useQueryClient } from '@tanstack/react-query'
import { isApiError, postJson } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import {
  endSessionLocally,
  endSessionOn401,
  type PortalSession,
  type PortalSessionView,
  useSignedIn,
} from '../session.ts'
import { PersonCheckForm, type PersonInfo } from './PersonFields.tsx'
import { PracticePage } from './PublicLayout.tsx'
import { SignOutButton } from './SignOutButton.tsx'
import { StageGate } from './StageGate.tsx'
import './signin.css'

/** "Verify personal information": name and birthdate must match the record to go on. */
export default function VerifyPage() {
  return <StageGate stage="verify">{(session) => <Verify session={session} />}</StageGate>
}

function Verify({ session }: { session: PortalSession }) {
  const signedIn = useSignedIn()
  const t = useT()
  const queryClient = useQueryClient()

  const verify = useMutation({
    mutationFn: (body: PersonInfo) => postJson<PortalSessionView>('/api/portal/verify', body),
    onSuccess: (view) => signedIn(view),
    onError: (error) => {
      // Too many mismatches: the server has signed the session out.
      if (isApiError(error) && error.status === 403 && error.type.endsWith('verification-locked')) {
        endSessionLocally(
          queryClient,
          error.detail ? { text: error.detail } : { id: 'verify.couldNotVerify' },
        )
      } else endSessionOn401(queryClient, error)
    },
  })

  return (
    <PracticePage title={t('verify.title')} titleId="verify-title">
      <p>{t('verify.intro')}</p>
      <PersonCheckForm
        check={verify}
        labelledBy="verify-title"
        submitLabel={t('verify.continue')}
        pendingLabel={t('verify.checking')}
      />
      <details className="disclosure">
        <summary>{t('verify.privacyPolicy')}</summary>
        <div className="privacy-policy">{session.privacyPolicy}</div>
      </details>
      <SignOutButton />
    </PracticePage>
  )
}
