import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useNavigate } from 'react-router'
import { deleteJson, isApiError } from '../ui/api.ts'
import { forgetDrafts } from './messages/rules.ts'
import { type Notice, pathAfterSignIn, SESSION_ENDED } from './session-rules.ts'
import {
  fetchSession,
  type PortalSession,
  type PortalSessionView,
  SESSION_KEY,
  SESSION_PATH,
  withDeadline,
} from './session-view.ts'

export {
  type ContactDetails,
  type FamilyMember,
  fetchSession,
  type PortalSession,
  type PortalSessionView,
  SESSION_KEY,
  SESSION_PATH,
  type SignInState,
  withDeadline,
} from './session-view.ts'

/**
 * The signed-in user. Reading it also counts as activity on the server, so it is not refetched
 * on its own: only on mount after 30 s, on Refresh and on Stay signed in.
 */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 30_000,
  })
}

let signOutNotice: Notice | undefined

/** The sentence the sign-in page shows after the app itself ended the session. */
export function pendingSignOutNotice(): Notice | undefined {
  return signOutNotice
}

/** Keeps a new session and opens the page its stage calls for. */
export function useSignedIn() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  return useCallback(
    (view: PortalSessionView, returnTo?: string) => {
      keepSession(queryClient, withDeadline(view))
      void navigate(pathAfterSignIn(view.stage, returnTo), { replace: true })
    },
    [queryClient, navigate],
  )
}

/** Keeps a new session, so the signed-in pages start from it without asking for it again. */
export function keepSession(queryClient: QueryClient, session: PortalSession) {
  signOutNotice = undefined
  holdSignedInRequests(queryClient, false)
  queryClient.setQueryData(SESSION_KEY, session)
}

/**
 * Forgets everything the signed-in user loaded and leaves for the sign-in page with `notice`.
 * The signed-in pages see the session turn null and go to the sign-in page themselves.
 */
export function endSessionLocally(queryClient: QueryClient, notice: Notice) {
  signOutNotice = notice
  // Unsent messages are the signed-in person's: the next one to sign in here must not find them.
  forgetDrafts(window.sessionStorage)
  void queryClient.cancelQueries({ predicate: (query) => query.queryKey[0] !== 'public' })
  queryClient.removeQueries({ predicate: (query) => isSignedInData(query.queryKey) })
  queryClient.setQueryData(SESSION_KEY, null)
}

/**
 * Ends the session on the server, then here. With `evenIfUnreachable` (the idle time-out) the
 * page forgets the session even when the server cannot be told; otherwise a failure is thrown,
 * so nobody reads "You have signed out" while still signed in.
 */
export async function signOut(
  queryClient: QueryClient,
  notice: Notice,
  { evenIfUnreachable = false } = {},
) {
  // A tab still loading would be answered 401 the moment the session ends: stop it first, and
  // hold back the requests of pages that open from now on (a tab clicked, or one whose code was
  // still on its way: pages load lazily) until someone signs in again.
  holdSignedInRequests(queryClient, true)
  await queryClient.cancelQueries({ predicate: (query) => isSignedInData(query.queryKey) })
  try {
    await deleteJson(SESSION_PATH)
  } catch (error) {
    if (!evenIfUnreachable) {
      // Still signed in: load again what was stopped or held back.
      holdSignedInRequests(queryClient, false)
      void queryClient.refetchQueries({
        predicate: (query) => isSignedInData(query.queryKey),
        type: 'active',
      })
      throw error
    }
  }
  endSessionLocally(queryClient, notice)
}

/** Turns off (or back on) every query of signed-in data that has no `enabled` of its own. */
function holdSignedInRequests(queryClient: QueryClient, hold: boolean) {
  const defaults = queryClient.getDefaultOptions()
  queryClient.setDefaultOptions({
    ...defaults,
    queries: {
      ...defaults.queries,
      enabled: hold ? (query) => !isSignedInData(query.queryKey) : true,
    },
  })
}

/** What the signed-in pages loaded: everything but public pages' data and the session itself. */
function isSignedInData(key: readonly unknown[]): boolean {
  return key[0] !== 'public' && !isSessionKey(key)
}

function isSessionKey(key: readonly unknown[]): boolean {
  return key[0] === SESSION_KEY[0] && key[1] === SESSION_KEY[1]
}

/** Any request answered 401 means the session is gone (timed out, signed out elsewhere). */
export function endSessionOn401(queryClient: QueryClient, error: unknown) {
  if (isApiError(error) && error.status === 401) endSessionLocally(queryClient, SESSION_ENDED)
}
