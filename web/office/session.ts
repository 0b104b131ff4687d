import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useNavigate } from 'react-router'
import { shouldRetry } from '../ui/query-client.ts'
import { endsSession } from './labels.ts'
import { fetchSession, SESSION_KEY, type StaffSession } from './office-api.ts'

/** Why the sign-in page is shown; it says so in a sentence. */
export type SignInReason = 'ended' | 'signed-out'

export interface SignInState {
  reason?: SignInReason
  /** The console address to return to after signing in. */
  from?: string
}

/**
 * The signed-in staff member. Checked again when the tab gets focus after a while, so a session
 * that timed out on the server (30 minutes idle) is noticed when the person comes back.
 */
export function useOfficeSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
    refetchOnWindowFocus: true,
    retry: shouldRetry,
  })
}

/**
 * Any request answered 401 (the session timed out, or was ended elsewhere) leads to the sign-in
 * page with "Your session has ended", and drops everything the console had loaded.
 */
export function useSessionEndWatcher() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()

  useEffect(() => {
    let ended = false
    function end() {
      if (ended) return
      ended = true
      const state: SignInState = { reason: 'ended', from: currentConsolePath() }
      navigate('/sign-in', { replace: true, state })
      // After the navigation has unmounted the console, so nothing refetches what is dropped.
      queueMicrotask(() => queryClient.removeQueries({ queryKey: ['office'] }))
    }
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return
      const isSessionCheck = event.query.queryKey[1] === SESSION_KEY[1]
      const wasSignedIn = event.query.state.data !== undefined
      if (endsSession(event.action.error, { isSessionCheck, wasSignedIn })) end()
    })
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return
      if (endsSession(event.action.error, { isSessionCheck: false, wasSignedIn: true })) end()
    })
    return () => {
      unsubscribeQueries()
      unsubscribeMutations()
    }
  }, [queryClient, navigate])
}

/** The path inside `/office`, e.g. `/access/12`, to come back to after signing in again. */
export function currentConsolePath(pathname = window.location.pathname): string {
  return consolePath(pathname)
}

export function consolePath(pathname: string): string {
  const match = /^\/office(\/.*)?$/.exec(pathname)
  const inside = match?.[1] ?? '/'
  if (inside.startsWith('//') || inside.startsWith('/sign-in')) return '/'
  return inside
}

export type { StaffSession }
