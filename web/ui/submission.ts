import { useCallback, useRef, useState } from 'react'

/** Where one request a form sent stands; `submittedAt` keys its alert, as a mutation's would. */
export interface Submission {
  isPending: boolean
  isError: boolean
  error: unknown
  submittedAt: number
}

const IDLE: Submission = { isPending: false, isError: false, error: null, submittedAt: 0 }

/**
 * One request at a time from a form on the sign-in page, which loads without TanStack Query
 * (bench `web`): `submit(send)` runs `send`, ignores a second press while it runs, and keeps its
 * failure to show (and resolves with it). `onSuccess` gets the answer.
 */
export function useSubmission<T>(onSuccess: (result: T) => void) {
  const [state, setState] = useState(IDLE)
  const running = useRef(false)
  const latest = useRef(onSuccess)
  latest.current = onSuccess
  const submit = useCallback(async (send: () => Promise<T>): Promise<unknown> => {
    if (running.current) return undefined
    running.current = true
    setState({ isPending: true, isError: false, error: null, submittedAt: Date.now() })
    try {
      const result = await send()
      setState(IDLE)
      latest.current(result)
      return undefined
    } catch (error) {
      setState((current) => ({ ...current, isPending: false, isError: true, error }))
      return error
    } finally {
      running.current = false
    }
  }, [])
  return { ...state, submit }
}
