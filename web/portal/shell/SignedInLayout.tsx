import { type QueryClient, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { Navigate, Outlet, useLocation } from 'react-router'
import { isApiError } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import {
  endSessionOn401,
  type PortalSession,
  pendingSignOutNotice,
  SESSION_KEY,
  type SignInState,
  useSession,
} from '../session.ts'
import { pathForStage, SESSION_ENDED, SIGNED_OUT } from '../session-rules.ts'
import { IdleTimeout } from './IdleTimeout.tsx'
import { PortalHeader } from './PortalHeader.tsx'
import './shell.css'

/**
 * Every signed-in page: the guard (no session → the sign-in page; an unfinished sign-in → its
 * step), the header, the idle time-out, and "any 401 means the session has ended".
 */
export function SignedInLayout() {
  const session = useSession()
  const location = useLocation()
  const queryClient = useQueryClient()
  const sawSession = useRef(false)
  useSessionProblems(queryClient)

  if (session.data) sawSession.current = true
  if (session.data === null) {
    const notice =
      pendingSignOutNotice() ?? (sawSession.current ? SESSION_ENDED : { id: 'session.signInToSee' })
    const state: SignInState =
      notice === SIGNED_OUT ? { notice } : { notice, from: location.pathname }
    return <Navigate to="/" replace state={state} />
  }
  if (session.data && session.data.stage !== 'ready') {
    return <Navigate to={pathForStage(session.data.stage)} replace />
  }
  if (!session.data) {
    return (
      <main className="shell-main" id="main">
        <PortalTitle />
        {session.isError ? (
          <LoadFailed error={session.error} onRetry={() => void session.refetch()} />
        ) : (
          <Loading />
        )}
      </main>
    )
  }
  return <SignedIn session={session.data} />
}

function PortalTitle() {
  const t = useT()
  return <h1>{t('portal.title')}</h1>
}

function SignedIn({ session }: { session: PortalSession }) {
  const t = useT()
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <PortalHeader session={session} />
      <main className="shell-main" id="main" tabIndex={-1}>
        <Outlet context={session} />
      </main>
      <IdleTimeout session={session} />
    </div>
  )
}

/**
 * Watches every request the signed-in pages make: a 401 ends the session here too, and a
 * "sign-in incomplete" 403 re-reads the session so the guard can send the person to that step.
 */
function useSessionProblems(queryClient: QueryClient) {
  useEffect(() => {
    const onError = (error: unknown) => {
      // Outside the cache's own notification, which must not change the cache it reports on.
      setTimeout(() => {
        endSessionOn401(queryClient, error)
        if (isApiError(error) && error.type.endsWith('sign-in-incomplete')) {
          void queryClient.invalidateQueries({ queryKey: SESSION_KEY })
        }
      })
    }
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error)
    })
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error)
    })
    return () => {
      stopQueries()
      stopMutations()
    }
  }, [queryClient])
}
