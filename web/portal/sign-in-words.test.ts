import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import portalEnglish from './messages/en.json'
import { idleSignOutMessage, SESSION_ENDED, SIGNED_OUT } from './session-rules.ts'
import { onSignInPage } from './sign-in-words.ts'

/** The portal's files the sign-in page runs (web/portal/routes.tsx: the public layout and it). */
const SIGN_IN_PAGE_FILES = [
  'signin/PublicLayout.tsx',
  'signin/SignInPage.tsx',
  'signin/PasskeySignIn.tsx',
  'problem-alert.tsx',
]

/** Portal message ids quoted in a file (`t('signIn.subtitle')`, `label: 'links.contact'`). */
function idsIn(file: string): string[] {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8')
  return [...source.matchAll(/'([a-zA-Z]+\.[a-zA-Z.]+)'/g)]
    .map((match) => match[1] as string)
    .filter((id) => id in portalEnglish)
}

describe('the sign-in page’s part of the portal catalog', () => {
  it.each(SIGN_IN_PAGE_FILES)('holds every id %s uses', (file) => {
    expect(idsIn(file).filter((id) => !onSignInPage(id))).toEqual([])
  })

  it('holds the notices other pages send it (signed out, ended, could not verify)', () => {
    const notices = [SIGNED_OUT, SESSION_ENDED, idleSignOutMessage(15)].map((notice) =>
      'id' in notice ? notice.id : '',
    )
    // Sent by SignedInLayout.tsx and VerifyPage.tsx.
    notices.push('session.signInToSee', 'verify.couldNotVerify')
    expect(notices.filter((id) => !(id in portalEnglish) || !onSignInPage(id))).toEqual([])
  })

  it('leaves most of the catalog to the pages after it', () => {
    const ids = Object.keys(portalEnglish)
    expect(ids.filter(onSignInPage).length).toBeLessThan(ids.length / 5)
  })
})
