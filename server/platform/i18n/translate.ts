import { readFileSync } from 'node:fs'
import { IntlMessageFormat } from 'intl-messageformat'
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages.ts'

/**
 * The server's words in the reader's language: ICU messages by id (`messages/<language>.json`,
 * e.g. emails), and the problem+json sentences (`problems/<language>.json`, keyed by the English
 * sentence the code throws, gettext-style, so a route keeps reading `new NotFound('No such
 * appointment.')`). How to add strings: docs/i18n.md.
 */

type Catalog = Record<string, string>

function readCatalog(folder: 'messages' | 'problems', language: Language): Catalog {
  if (folder === 'problems' && language === DEFAULT_LANGUAGE) return {}
  const url = new URL(`./${folder}/${language}.json`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as Catalog
}

export const SERVER_CATALOGS = {
  messages: Object.fromEntries(LANGUAGES.map((l) => [l, readCatalog('messages', l)])) as Record<
    Language,
    Catalog
  >,
  problems: Object.fromEntries(LANGUAGES.map((l) => [l, readCatalog('problems', l)])) as Record<
    Language,
    Catalog
  >,
}

export type ServerMessageId = keyof typeof import('./messages/en.json')

const formats = new Map<string, IntlMessageFormat>()

/** One catalog message, formatted; the English one when a language lacks it (a test forbids). */
export function translate(
  language: Language,
  id: ServerMessageId,
  values?: Record<string, string | number>,
): string {
  const key = `${language}\u0000${id}`
  let format = formats.get(key)
  if (!format) {
    const message =
      SERVER_CATALOGS.messages[language][id] ?? SERVER_CATALOGS.messages[DEFAULT_LANGUAGE][id]
    if (message === undefined) throw new Error(`No message ${id}`)
    format = new IntlMessageFormat(message, language)
    formats.set(key, format)
  }
  return String(format.format(values))
}

/**
 * Sentences with a number in them ("Please wait 5 minutes") are keyed with `{n}` in its place;
 * the number is put back into the translation. Built once per language.
 */
const patterns = new Map<Language, { match: RegExp; message: IntlMessageFormat }[]>()

function patternsOf(language: Language) {
  let found = patterns.get(language)
  if (!found) {
    found = Object.entries(SERVER_CATALOGS.problems[language])
      .filter(([english]) => english.includes('{n}'))
      .map(([english, translated]) => ({
        match: new RegExp(
          `^${english.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{n}', '(\\d+)')}$`,
        ),
        message: new IntlMessageFormat(translated, language),
      }))
    patterns.set(language, found)
  }
  return found
}

/** A problem's English sentence in `language`; unchanged when it has no translation. */
export function translateProblem(language: Language, english: string): string {
  const exact = SERVER_CATALOGS.problems[language][english]
  if (exact !== undefined) return exact
  for (const { match, message } of patternsOf(language)) {
    const number = match.exec(english)?.[1]
    if (number !== undefined) return String(message.format({ n: Number(number) }))
  }
  return english
}
