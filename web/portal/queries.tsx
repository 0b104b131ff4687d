import { QueryClientProvider } from '@tanstack/react-query'
import type { ComponentType } from 'react'
import { createQueryClient } from '../ui/query-client.ts'
import { keepSession } from './session.ts'
import { type PortalSession, SESSION_KEY, shareSessionCache } from './session-view.ts'

/**
 * TanStack Query for the portal's pages, loaded with the first page that reads through it: every
 * page but the sign-in page, which loads without it (bench `web`, docs/decisions.md). One client
 * for the whole tab, so what one page loaded is there for the next.
 */
export const portalQueryClient = createQueryClient()

// From now on the sign-in page sees the session the signed-in pages hold (null after sign-out).
shareSessionCache(() => portalQueryClient.getQueryData<PortalSession | null>(SESSION_KEY))

const wrapped = new WeakMap<ComponentType, ComponentType>()

/** `Page` inside the portal's query client (each page its own provider, all the same client). */
export function withQueries(Page: ComponentType): ComponentType {
  let WithQueries = wrapped.get(Page)
  if (!WithQueries) {
    WithQueries = function WithQueries() {
      return (
        <QueryClientProvider client={portalQueryClient}>
          <Page />
        </QueryClientProvider>
      )
    }
    wrapped.set(Page, WithQueries)
  }
  return WithQueries
}

/** A session the sign-in page started or found: the signed-in pages start from it. */
export function rememberSession(session: PortalSession) {
  keepSession(portalQueryClient, session)
}
