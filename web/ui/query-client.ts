import { QueryClient } from '@tanstack/react-query'
import { shouldRetry } from './retry.ts'

export { shouldRetry }

/** One query client per app; failures are retried as `shouldRetry` says. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  })
}
