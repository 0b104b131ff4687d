import { isApiError } from './api.ts'

/**
 * Whether a failed read is worth one more try: only failures that may pass on their own (no
 * connection, a 5xx), and only once, so a real error reaches the person in a second, not in ten.
 * Apart from the query client (query-client.ts), so the sign-in page uses it without TanStack Query.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false
  if (!isApiError(error)) return false
  return error.status === 0 || error.status >= 500
}

/** How long TanStack Query waits before its first retry, kept where it is done by hand. */
export const RETRY_DELAY_MS = 1000
