/**
 * "Remember user name": the user name alone is kept in the browser so the next visit pre-fills
 * it. The password is never passed to these functions, so it cannot be stored by mistake.
 */

/** The part of `Storage` used here, so tests can pass a plain object. */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export const PORTAL_USER_NAME_KEY = 'bitewing.portal.rememberedUserName'

/**
 * The browser's localStorage, or undefined where it is blocked (privacy settings, some embedded
 * browsers throw on the mere access); remembering is then quietly unavailable.
 */
export function browserStore(): KeyValueStore | undefined {
  try {
    return globalThis.localStorage ?? undefined
  } catch {
    return undefined
  }
}

/** The remembered user name, or '' when there is none. */
export function readRememberedUserName(store: KeyValueStore | undefined, key: string): string {
  try {
    return store?.getItem(key)?.trim() ?? ''
  } catch {
    return ''
  }
}

/** Keeps the user name when the person asked for it, and forgets it when they did not. */
export function saveUserNameChoice(
  store: KeyValueStore | undefined,
  key: string,
  choice: { userName: string; remember: boolean },
): void {
  const userName = choice.userName.trim()
  try {
    if (choice.remember && userName !== '') store?.setItem(key, userName)
    else store?.removeItem(key)
  } catch {
    // Storage full or blocked: signing in matters more than remembering.
  }
}
