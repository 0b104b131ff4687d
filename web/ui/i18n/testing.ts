import { createIntl } from 'react-intl'
import uiEnglish from '../messages/en.json'
import type { MessageId, Translate } from './i18n.tsx'

/**
 * `t` over the English catalogs, for unit tests of functions that take one. Pass an app's
 * catalog too when the function uses its ids.
 */
export function englishT(...catalogs: Record<string, string>[]): Translate {
  const intl = createIntl({
    locale: 'en',
    messages: Object.assign({}, uiEnglish, ...catalogs),
    onError: (error) => {
      throw error
    },
  })
  return ((id: MessageId, values?: Record<string, unknown>) =>
    // biome-ignore lint/suspicious/noExplicitAny: as in useT.
    intl.formatMessage({ id }, values as any)) as Translate
}
