import { isApiError } from './api.ts'

export const NOT_AVAILABLE_YET = 'Signing in is not available yet on this server.'

/**
 * What to tell someone whose sign-in did not go through. The server's wording is used when it
 * gave one (it is written to be generic: it never says whether a user name exists).
 */
export function signInFailureMessage(error: unknown): string {
  if (!isApiError(error)) return 'Signing in did not work. Please try again in a moment.'
  // The sign-in endpoint itself is missing: this server's version does not offer signing in.
  if (error.status === 404) return `${NOT_AVAILABLE_YET} Please try again later.`
  // Problem details are written to be shown (never internals), so a refusal speaks for itself:
  // a wrong user name or password, too many attempts, no connection.
  if (error.status < 500 && error.detail) return error.detail
  if (error.status < 500) return 'Signing in did not work. Please check the fields and try again.'
  return 'Signing in did not work because of a problem on the server. Please try again in a moment.'
}
