import { queryOptions } from '@tanstack/react-query'
import { getJson } from './api.ts'

/**
 * One thing the app reads with a GET, kept under `queryKey`: give it to `useQuery`, and its
 * `queryKey` to `invalidateQueries` or `setQueryData` (typed by what the GET answers).
 */
export function readQuery<T>(queryKey: readonly string[], path: string) {
  return queryOptions({ queryKey, queryFn: ({ signal }) => getJson<T>(path, signal) })
}
