import { QueryClient } from '@tanstack/react-query'
import { isApiError } from './api.ts'

/**
 * One query client per app. Only failures that may pass on their own (no connection, a 5xx)
 * are retried, and only once, so a real error reaches the person in a second, not in ten.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  })
}

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false
  if (!isApiError(error)) return false
  return error.status === 0 || error.status >= 500
}
