import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useT } from '../../ui/i18n/i18n.tsx'
import { AddAppPanel } from '../security/AddAppPanel.tsx'
import { type PortalSessionView, SESSION_KEY, useSignedIn } from '../session.ts'
import { PracticePage } from './PublicLayout.tsx'
import { SignOutButton } from './SignOutButton.tsx'
import { StageGate } from './StageGate.tsx'
import './signin.css'

/** The practice requires a second factor and this patient has none yet: add an app to go on. */
export default function SecondFactorSetupPage() {
  return <StageGate stage="second-factor-setup">{() => <Setup />}</StageGate>
}

function Setup() {
  const t = useT()
  const signedIn = useSignedIn()
  const queryClient = useQueryClient()
  // The session moves on once the app counts, but the recovery codes are read here first.
  const [confirmed, setConfirmed] = useState<PortalSessionView>()
  return (
    <PracticePage title={t('twoStep.setUpTitle')}>
      <p>{t('twoStep.setUpExplainer')}</p>
      <AddAppPanel
        onConfirmed={setConfirmed}
        onDone={() => {
          if (confirmed) signedIn(confirmed)
          else void queryClient.invalidateQueries({ queryKey: SESSION_KEY })
        }}
      />
      <SignOutButton />
    </PracticePage>
  )
}
