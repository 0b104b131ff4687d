import { useQuery } from '@tanstack/react-query'
import type { Static } from 'typebox'
import type { PublicPractice as PublicPracticeSchema } from '../../server/portal/signin/schemas.ts'
import { getJson } from './api.ts'

/** What the server tells anyone about the practice: its name, currency, clinics, payments. */
export type PublicPractice = Static<typeof PublicPracticeSchema>

/** The practice whose portal this is, for the pages shown before signing in. */
export function usePublicPractice() {
  return useQuery({
    queryKey: ['public', 'practice'],
    queryFn: ({ signal }) => getJson<PublicPractice>('/api/public/practice', signal),
    // The name changes rarely; do not refetch it on every focus of the tab.
    staleTime: 5 * 60_000,
  })
}
