import type { Static } from 'typebox'
import type {
  ContactDetails as ContactDetailsSchema,
  PortalSessionView as PortalSessionViewSchema,
} from '../../server/portal/signin/schemas.ts'
import { getJsonWithDate, isApiError } from '../ui/api.ts'
import type { Notice } from './session-rules.ts'
import { localDeadline } from './session-rules.ts'

/**
 * The session as data, without TanStack Query: what the sign-in page needs, which loads without
 * it (bench `web`). The signed-in pages read it through `useSession` (session.ts).
 */

/** What the server says about the signed-in user (names and switches, no health information). */
export type PortalSessionView = Static<typeof PortalSessionViewSchema>
export type FamilyMember = PortalSessionView['family'][number]
export type ContactDetails = Static<typeof ContactDetailsSchema>

/** The session view plus when it ends on this browser's clock (see `localDeadline`). */
export interface PortalSession extends PortalSessionView {
  deadline: number
}

export const SESSION_KEY = ['portal', 'session'] as const
export const SESSION_PATH = '/api/portal/session'

/** What the sign-in page is told through the router's location state. */
export interface SignInState {
  notice?: Notice
  /** The signed-in page someone was on, to return to after signing in again. */
  from?: string
}

export function withDeadline(
  view: PortalSessionView,
  serverDate?: string | null,
  receivedAt = Date.now(),
): PortalSession {
  return { ...view, deadline: localDeadline(view.expiresAt, serverDate, receivedAt) }
}

/** The current session, or null when nobody is signed in (the server answered 401). */
export async function fetchSession(signal?: AbortSignal): Promise<PortalSession | null> {
  try {
    const { body, date } = await getJsonWithDate<PortalSessionView>(SESSION_PATH, signal)
    return withDeadline(body, date)
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null
    throw error
  }
}

let cachedSession: () => PortalSession | null | undefined = () => undefined

/**
 * Lets the sign-in page see the session the signed-in pages hold (set by web/portal/queries.tsx
 * once it has loaded): after signing out it is null, and nothing needs asking.
 */
export function shareSessionCache(read: () => PortalSession | null | undefined) {
  cachedSession = read
}

/** The session as this page last knew it; undefined when it has not asked yet. */
export function knownSession(): PortalSession | null | undefined {
  return cachedSession()
}
