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

/** Languages the pages' text is written in. Dates and money follow the browser regardless. */
export const TEXT_LANGUAGES: readonly string[] = ['en']

/**
 * The `lang` for the page: the browser's first preference that the text is actually written in
 * (keeping its region, e.g. `en-CA`), else English. Declaring `fr` over English text would make
 * screen readers read it with a French voice (WCAG 3.1.1).
 */
export function documentLanguage(
  locales: readonly string[] = preferredLocales(),
  textLanguages: readonly string[] = TEXT_LANGUAGES,
): string {
  const match = locales.find((tag) => textLanguages.includes(new Intl.Locale(tag).language))
  return match ?? textLanguages[0] ?? DEFAULT_LOCALE
}

/** Tells screen readers and hyphenation which language the page is in. */
export function applyDocumentLanguage(locales: readonly string[] = preferredLocales()): void {
  document.documentElement.lang = documentLanguage(locales)
}
