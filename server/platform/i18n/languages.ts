/**
 * The languages Bitewing's text is written in, and how one is chosen from what a browser asks
 * for. Pure and free of Node, so the web client uses the same rules as the server (problem
 * messages, emails). How to add strings: docs/i18n.md.
 */
export const LANGUAGES = ['en', 'es', 'fr-CA'] as const
export type Language = (typeof LANGUAGES)[number]

export const DEFAULT_LANGUAGE: Language = 'en'

/** Remembers a person's choice from the language menu; the server reads it too (emails). */
export const LANGUAGE_COOKIE = 'bitewing-language'

/** Each language's name in itself, as the language menu lists it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Español',
  'fr-CA': 'Français',
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/**
 * The language we write for one BCP 47 tag, or undefined: `es-MX` → `es`, `fr-FR` → `fr-CA`
 * (our only French), `en-CA` → `en`. Case and `_` separators are forgiven.
 */
export function languageForTag(tag: string): Language | undefined {
  const lower = tag.trim().replace(/_/g, '-').toLowerCase()
  if (lower === '' || lower === '*') return undefined
  const exact = LANGUAGES.find((language) => language.toLowerCase() === lower)
  if (exact) return exact
  const base = lower.split('-')[0]
  return LANGUAGES.find((language) => language.split('-')[0] === base)
}

/** The first of `tags` (best first) that we write in, else English. */
export function chooseLanguage(tags: readonly string[]): Language {
  for (const tag of tags) {
    const language = languageForTag(tag)
    if (language) return language
  }
  return DEFAULT_LANGUAGE
}

/** The tags of an `Accept-Language` header, best first (`q=0` ones dropped). */
export function acceptedTags(header: string | undefined): string[] {
  if (!header) return []
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean)
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index }
    })
    .filter((entry) => entry.tag !== '' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag)
}

/** The cookie's value in a `Cookie` header, when it names a language we write. */
export function languageFromCookie(cookieHeader: string | undefined): Language | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const [name, value] = pair.trim().split('=')
    if (name === LANGUAGE_COOKIE && isLanguage(decodeURIComponent(value ?? ''))) {
      return decodeURIComponent(value ?? '') as Language
    }
  }
  return undefined
}

/** A request's language: the person's remembered choice, else their browser's languages. */
export function requestLanguage(headers: {
  cookie?: string | undefined
  'accept-language'?: string | undefined
}): Language {
  return (
    languageFromCookie(headers.cookie) ?? chooseLanguage(acceptedTags(headers['accept-language']))
  )
}
