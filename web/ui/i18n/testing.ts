import uiEnglish from '../messages/en.json'
import { messageFormatter } from './format-message.ts'
import type { Translate } from './i18n.tsx'

/**
 * `t` over the English catalogs, for unit tests of functions that take one. Pass an app's
 * catalog too when the function uses its ids.
 */
export function englishT(...catalogs: Record<string, string>[]): Translate {
  return messageFormatter('en', [uiEnglish, ...catalogs], (error) => {
    throw error
  }) as Translate
}
