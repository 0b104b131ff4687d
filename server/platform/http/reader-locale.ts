import type { FastifyRequest } from 'fastify'
import { acceptedTags, languageForTag, requestLanguage } from '../i18n/languages.ts'

type LanguageHeaders = Parameters<typeof requestLanguage>[0]

/**
 * The locale dates are written in on the server (care-summary HTML and PDF, the XDM index): the
 * language the portal speaks to the reader (their choice, else their browser's), in the region
 * of their first browser language of that language, so en-CA reads dd/mm/yyyy and a reader who
 * chose Español on an English browser reads Spanish dates, as in the portal itself.
 */
export function localeForReader(headers: LanguageHeaders): string {
  const language = requestLanguage(headers)
  for (const tag of acceptedTags(headers['accept-language'])) {
    if (languageForTag(tag) !== language) continue
    try {
      const [canonical] = Intl.getCanonicalLocales(tag)
      if (canonical) return canonical
    } catch {
      // Not a BCP 47 tag: try the next.
    }
  }
  return language === 'en' ? 'en-US' : language
}

export function readerLocale(request: FastifyRequest): string {
  return localeForReader(request.headers)
}
