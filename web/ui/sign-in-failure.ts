import { isApiError } from './api.ts'
import type { Translate } from './i18n/i18n.tsx'

/**
 * What to tell someone whose sign-in did not go through. The server's wording is used when it
 * gave one (it is written to be generic, and in the request's language: it never says whether a
 * user name exists).
 */
export function signInFailureMessage(error: unknown, t: Translate): string {
  if (!isApiError(error)) return t('signIn.failed')
  // The sign-in endpoint itself is missing: this server's version does not offer signing in.
  if (error.status === 404) return t('signIn.notAvailable')
  if (error.status === 0) return t('problem.unreachable')
  // Problem details are written to be shown (never internals), so a refusal speaks for itself:
  // a wrong user name or password, too many attempts.
  if (error.status < 500 && error.detail) return error.detail
  if (error.status < 500) return t('signIn.failedCheckFields')
  return t('signIn.failedServer')
}
