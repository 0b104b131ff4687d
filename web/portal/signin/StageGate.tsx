import type { ReactNode } from 'react'
import { Navigate } from 'react-router'
import { useT } from '../../ui/i18n/i18n.tsx'
import { Card, Page } from '../../ui/layout.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { type PortalSession, pendingSignOutNotice, useSession } from '../session.ts'
import { pathForStage, type SignInStage } from '../session-rules.ts'

/**
 * Shows `children` only while the session is at `stage` (first sign-in, verify); anyone else is
 * sent where they belong: the sign-in page, or the page of their own stage.
 */
export function StageGate({
  stage,
  children,
}: {
  stage: SignInStage
  children: (session: PortalSession) => ReactNode
}) {
  const session = useSession()
  const t = useT()
  if (session.data === null) {
    return <Navigate to="/" replace state={{ notice: pendingSignOutNotice() }} />
  }
  if (session.data && session.data.stage !== stage) {
    return <Navigate to={pathForStage(session.data.stage)} replace />
  }
  if (session.data) return children(session.data)
  return (
    <Page>
      <Card>
        <h1>{t('portal.title')}</h1>
        {session.isError ? (
          <LoadFailed error={session.error} onRetry={() => void session.refetch()} />
        ) : (
          <Loading />
        )}
      </Card>
    </Page>
  )
}
