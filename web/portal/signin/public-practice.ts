import { useCallback, useEffect, useState } from 'react'
import { getJson } from '../../ui/api.ts'
import type { PublicPractice } from '../../ui/practice.ts'
import { RETRY_DELAY_MS, shouldRetry } from '../../ui/retry.ts'

/** How long the practice's name and switches are taken as they are, as its query did. */
const FRESH_MS = 5 * 60_000

type Loaded = { practice: PublicPractice; at: number }

/** Kept for the tab: the layout mounts again after signing out, and need not wait again. */
let loaded: Loaded | undefined

export type PracticeState =
  | { status: 'pending' }
  | { status: 'error'; error: unknown }
  | { status: 'success'; data: PublicPractice }

/**
 * The practice whose portal this is, for the pages shown before signing in, without TanStack
 * Query (the sign-in page loads without it, bench `web`). As `usePublicPractice` (the office's)
 * does: a lost connection or a 5xx is tried once more after a second, what this tab loaded in the
 * last five minutes is not asked for again, and older is shown while it is asked for afresh.
 */
export function usePublicPracticeOnce(): PracticeState & { retry: () => void } {
  const [state, setState] = useState<PracticeState>(() =>
    loaded ? { status: 'success', data: loaded.practice } : { status: 'pending' },
  )
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (attempt === 0 && loaded && Date.now() - loaded.at < FRESH_MS) return
    const abort = new AbortController()
    fetchPractice(abort.signal).then(
      (practice) => {
        loaded = { practice, at: Date.now() }
        setState({ status: 'success', data: practice })
      },
      (error: unknown) => {
        if (abort.signal.aborted) return
        // Data already on screen stays there, as a query's does when a refetch fails.
        if (!loaded) setState({ status: 'error', error })
      },
    )
    return () => abort.abort()
  }, [attempt])

  // The failure stays on screen meanwhile, as a query's does while it is fetched again.
  const retry = useCallback(() => setAttempt((count) => count + 1), [])
  return { ...state, retry }
}

async function fetchPractice(signal: AbortSignal): Promise<PublicPractice> {
  for (let failures = 0; ; failures++) {
    try {
      return await getJson<PublicPractice>('/api/public/practice', signal)
    } catch (error) {
      if (signal.aborted || !shouldRetry(failures, error)) throw error
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS))
    }
  }
}
