import { readFileSync } from 'node:fs'
import { parse } from '@formatjs/icu-messageformat-parser'
import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../../server/platform/i18n/languages.ts'

/**
 * Every catalog a page can load holds every id of its English catalog, each a valid ICU message
 * that uses no argument English does not give, so switching language can never show an id, a
 * raw `{placeholder}` or an English sentence.
 */
const APPS = { ui: LANGUAGES, portal: LANGUAGES, office: ['en', 'fr-CA'] } as const

function catalog(app: string, language: string): Record<string, string> {
  const url = new URL(`../../${app}/messages/${language}.json`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, string>
}

/** Argument names a message uses, in every branch of its plurals and selects. */
function argumentsOf(message: string): Set<string> {
  const found = new Set<string>()
  const walk = (elements: ReturnType<typeof parse>) => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type !== 0) {
        found.add(element.value)
      }
      if ('options' in element) {
        for (const option of Object.values(element.options)) walk(option.value)
      }
      if ('children' in element) {
        found.add(element.value)
        walk(element.children)
      }
    }
  }
  walk(parse(message))
  return found
}

describe.each(Object.entries(APPS))('the %s catalogs', (app, languages) => {
  const english = catalog(app, 'en')

  it.each(languages)('%s has exactly the English ids', (language) => {
    expect(Object.keys(catalog(app, language)).sort()).toEqual(Object.keys(english).sort())
  })

  it.each(languages)('%s: every message parses and uses only English’s arguments', (language) => {
    for (const [id, message] of Object.entries(catalog(app, language))) {
      const given = argumentsOf(english[id] ?? '')
      const used = [...argumentsOf(message)].filter((name) => !given.has(name))
      expect(used, `${language} ${id}`).toEqual([])
      expect(() => new IntlMessageFormat(message, language), `${language} ${id}`).not.toThrow()
    }
  })

  it.each(languages.filter((language) => language !== 'en'))(
    '%s is translated (no sentence is left the same as English)',
    (language) => {
      const translated = catalog(app, language)
      const same = Object.entries(english)
        .filter(
          ([id, message]) => translated[id] === message && /[a-z]{3,} [a-z]{3,}/i.test(message),
        )
        .filter(([, message]) => !/^\{[^}]*\}$/.test(message.replace(/\s/g, '')))
        .map(([id]) => id)
      expect(same).toEqual([])
    },
  )
})
