import {
  LANGUAGES,
  type Language,
  languageForTag,
} from '../../../server/platform/i18n/languages.ts'

/** The language used when the browser states none (or runs outside a browser, as in tests). */
export const DEFAULT_LOCALE = 'en'

/** The language the page's text is in (set by I18nProvider); dates and numbers follow it. */
let textLanguage: Language | undefined

/**
 * The browser's language preferences, best first, as `Intl` expects them. Invalid tags are
 * dropped rather than thrown on, so one odd browser setting cannot blank the page.
 */
export function preferredLocales(languages?: readonly string[]): string[] {
  const fromBrowser = languages === undefined
  const valid: string[] = []
  for (const tag of languages ?? globalThis.navigator?.languages ?? []) {
    try {
      valid.push(Intl.getCanonicalLocales(tag)[0] ?? tag)
    } catch {
      // Not a BCP 47 tag; skip it.
    }
  }
  if (textLanguage && fromBrowser) return localesForText(valid, textLanguage)
  return valid.length > 0 ? valid : [DEFAULT_LOCALE]
}

/**
 * The locales dates and numbers are written in on a page whose text is in `language`. A date
 * inside a Spanish sentence is written in Spanish: the browser's own tags for the page's language
 * first (es-MX keeps its region), else the language itself. A browser that speaks none of the
 * pages' languages reads them in English by default, and its dates still follow the person's
 * own locale (de-DE: 05.09.2026).
 */
export function localesForText(browserTags: readonly string[], language: Language): string[] {
  const same = browserTags.filter((tag) => languageForTag(tag) === language)
  if (same.length > 0) return same
  const speaksNoneOfOurs = browserTags.every((tag) => languageForTag(tag) === undefined)
  return speaksNoneOfOurs && browserTags.length > 0 ? [...browserTags] : [language]
}

/** Languages the pages' text is written in. */
export const TEXT_LANGUAGES: readonly string[] = LANGUAGES.map(
  (language) => new Intl.Locale(language).language,
)

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

/** The language the page's text is in, once the app has chosen it. */
export function currentTextLanguage(): Language | undefined {
  return textLanguage
}

/**
 * Called by I18nProvider as it renders: the page's text is now in `language`, so dates and
 * numbers (preferredLocales) and the document's `lang` follow it.
 */
export function setTextLanguage(language: Language): void {
  textLanguage = language
  if (globalThis.document) applyDocumentLanguage()
}
