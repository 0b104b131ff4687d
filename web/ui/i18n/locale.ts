/** The language used when the browser states none (or runs outside a browser, as in tests). */
export const DEFAULT_LOCALE = 'en'

/**
 * The browser's language preferences, best first, as `Intl` expects them. Invalid tags are
 * dropped rather than thrown on, so one odd browser setting cannot blank the page.
 */
export function preferredLocales(
  languages: readonly string[] | undefined = globalThis.navigator?.languages,
): string[] {
  const valid: string[] = []
  for (const tag of languages ?? []) {
    try {
      valid.push(Intl.getCanonicalLocales(tag)[0] ?? tag)
    } catch {
      // Not a BCP 47 tag; skip it.
    }
  }
  return valid.length > 0 ? valid : [DEFAULT_LOCALE]
}

/** Tells screen readers and hyphenation which language the page is in. */
export function applyDocumentLanguage(locales: readonly string[] = preferredLocales()): void {
  document.documentElement.lang = locales[0] ?? DEFAULT_LOCALE
}
