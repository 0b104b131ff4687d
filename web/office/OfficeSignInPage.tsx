import { useState } from 'react'
import { useLocation } from 'react-router'
import { isApiError } from '../ui/api.ts'
import { useDocumentTitle } from '../ui/document-title.ts'
import { useT } from '../ui/i18n/i18n.tsx'
import { LanguagePicker } from '../ui/i18n/LanguagePicker.tsx'
import { Card, Page } from '../ui/layout.tsx'
import { InfoNotice } from '../ui/notice.tsx'
import { usePublicPractice } from '../ui/practice.ts'
import { SignInForm } from '../ui/sign-in-form.tsx'
import { LoadFailed, Loading } from '../ui/status.tsx'
import { OfficeSecondFactor } from './OfficeSecondFactor.tsx'
import type { SignInState } from './session.ts'

/**
 * Staff sign-in. No "Remember user name": front-desk computers are shared, and the browser's own
 * password manager serves staff who want it.
 */
export function OfficeSignInPage() {
  const practice = usePublicPractice()
  const location = useLocation()
  const state = (location.state ?? {}) as SignInState
  const t = useT()
  useDocumentTitle(t('office.title'), practice.data?.name)
  // A production start with an empty database: the practice comes from first-run setup.
  const notSetUp = practice.isError && isApiError(practice.error) && practice.error.status === 404

  const [step, setStep] = useState<'answer' | 'enroll'>()

  function passwordAccepted(result: unknown) {
    const owed = (result as { secondFactor?: string } | undefined)?.secondFactor
    if (owed === 'answer' || owed === 'enroll') setStep(owed)
    else signedIn()
  }

  function signedIn() {
    // A full load: nothing from an earlier session (another staff member's) can linger, and the
    // sign-in form's pending announcement does not outlive the form.
    window.location.replace(`/office${state.from ?? '/'}`)
  }

  return (
    <Page corner={<LanguagePicker />}>
      <Card brand={practice.data?.name}>
        <h1 id="office-heading">{t('office.title')}</h1>
        {state.reason === 'ended' ? (
          <div className="notice notice-info" role="alert">
            <p>{t('office.signIn.ended')}</p>
          </div>
        ) : null}
        {state.reason === 'signed-out' ? (
          <div className="notice notice-info" role="status">
            <p>{t('office.signIn.signedOut')}</p>
          </div>
        ) : null}
        {practice.isPending ? <Loading /> : null}
        {notSetUp ? (
          <InfoNotice>
            {t('office.signIn.notSetUp', { code: (chunks) => <code>{chunks}</code> })}
          </InfoNotice>
        ) : null}
        {practice.isError && !notSetUp ? (
          <LoadFailed error={practice.error} onRetry={() => void practice.refetch()} />
        ) : null}
        {practice.isSuccess && step ? <OfficeSecondFactor step={step} onDone={signedIn} /> : null}
        {practice.isSuccess && !step ? (
          <>
            <p className="card-subtitle">{t('office.signIn.subtitle')}</p>
            <SignInForm
              endpoint="/api/office/session"
              labelledBy="office-heading"
              onSignedIn={passwordAccepted}
            />
          </>
        ) : null}
      </Card>
    </Page>
  )
}
