/**
 * Which of the portal's message ids the sign-in page shows: the part of each portal catalog it
 * downloads (`en.json?sign-in`); the rest (`en.json?later`) comes with the first other page
 * (web/portal/routes.tsx). The page's own words, its links, the notices other pages send it
 * (signed out, session ended, could not verify) and the passkey button. vite.config.ts splits the
 * catalogs by this list; sign-in-words.test.ts checks the sign-in page's files use no other id.
 */
export const SIGN_IN_PAGE_IDS: readonly string[] = [
  'portal.',
  'signIn.',
  'links.',
  'session.',
  'passkeys.signIn',
  'passkeys.signingIn',
  'verify.couldNotVerify',
]

/** Whether `id` is in the sign-in page's part (a trailing dot names every id under it). */
export function onSignInPage(id: string): boolean {
  return SIGN_IN_PAGE_IDS.some((entry) =>
    entry.endsWith('.') ? id.startsWith(entry) : id === entry,
  )
}
