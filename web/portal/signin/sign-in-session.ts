import { useCallback, useEffect, useState } from 'react'
import { useNavigate } from 'react-router'
import { pathAfterSignIn } from '../session-rules.ts'
import {
  fetchSession,
  knownSession,
  type PortalSession,
  type PortalSessionView,
  withDeadline,
} from '../session-view.ts'

/**
 * The sign-in page's side of the session, without TanStack Query (bench `web`): the signed-in
 * pages' query client (web/portal/queries.tsx) is fetched only once there is a session to give it.
 */

export interface SessionCheck {
  isPending: boolean
  /** The session, or null when nobody is signed in (or the check failed: signing in is the way). */
  data: PortalSession | null | undefined
}

/**
 * Whether someone is signed in already (another tab, the back button). What the signed-in pages
 * hold is taken as it is, as their query would (null after signing out: nothing to ask);
 * otherwise the server is asked, and a session it knows is handed to the signed-in pages.
 */
export function useSessionCheck(): SessionCheck {
  const [check, setCheck] = useState<SessionCheck>(() => {
    const known = knownSession()
    return known === undefined
      ? { isPending: true, data: undefined }
      : { isPending: false, data: known }
  })
  const pending = check.isPending
  useEffect(() => {
    if (!pending) return
    const abort = new AbortController()
    fetchSession(abort.signal)
      .then(async (session) => {
        if (session) await handOver(session)
        return session
      })
      .then(
        (session) => !abort.signal.aborted && setCheck({ isPending: false, data: session }),
        () => !abort.signal.aborted && setCheck({ isPending: false, data: null }),
      )
    return () => abort.abort()
  }, [pending])
  return check
}

/** Hands a new session to the signed-in pages and opens the page its stage calls for. */
export function useSignedInFromSignInPage() {
  const navigate = useNavigate()
  return useCallback(
    async (view: PortalSessionView, returnTo?: string) => {
      await handOver(withDeadline(view))
      void navigate(pathAfterSignIn(view.stage, returnTo), { replace: true })
    },
    [navigate],
  )
}

async function handOver(session: PortalSession) {
  const { rememberSession } = await import('../queries.tsx')
  rememberSession(session)
}
