import {
  createContext,
  Fragment,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useState,
} from 'react'
import {
  chooseLanguage,
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGE_COOKIE,
  type Language,
  languageFromCookie,
} from '../../../server/platform/i18n/languages.ts'
import type uiMessages from '../messages/en.json'
import { type Catalog, messageFormatter } from './format-message.ts'
import { currentTextLanguage, setTextLanguage } from './locale.ts'

export type { Catalog }

/**
 * The pages' words come from message catalogs (ICU MessageFormat, through intl-messageformat), one JSON
 * file per language and app: `web/ui/messages/` for components both apps share, and
 * `web/portal/messages/`, `web/office/messages/` for each app's pages. Only the active language's
 * catalogs are downloaded. How to add a string: docs/i18n.md.
 */

/** Every id of every catalog, so that a misspelt id does not compile. */
export type MessageId = keyof typeof uiMessages | keyof PortalMessages | keyof OfficeMessages
type PortalMessages = typeof import('../../portal/messages/en.json')
type OfficeMessages = typeof import('../../office/messages/en.json')

export type CatalogLoaders = Record<Language, () => Promise<{ default: Catalog }>>

/** Downloads and merges one language's catalogs (the shared one and the app's). */
export async function loadCatalogs(
  loaders: readonly CatalogLoaders[],
  language: Language,
): Promise<Catalog> {
  const parts = await Promise.all(loaders.map((loader) => loader[language]()))
  return Object.assign({}, ...parts.map((part) => part.default))
}

/** Catalogs a page brings when it is first opened (addCatalogs), and what they hold by language. */
const laterLoaders: CatalogLoaders[] = []
const laterMessages = new Map<Language, Catalog>()

function laterCatalog(language: Language): Catalog {
  let catalog = laterMessages.get(language)
  if (!catalog) {
    catalog = {}
    laterMessages.set(language, catalog)
  }
  return catalog
}

/**
 * Adds a catalog part that only some pages use (the portal's, beyond its sign-in page: its
 * routes.tsx), in the page's language now and in every language switched to from now on. A page
 * whose route waits for this finds its words, since `t` looks them up as it formats.
 */
export async function addCatalogs(
  loaders: CatalogLoaders,
  language = currentTextLanguage() ?? DEFAULT_LANGUAGE,
): Promise<void> {
  if (!laterLoaders.includes(loaders)) laterLoaders.push(loaders)
  const part = await loaders[language]()
  Object.assign(laterCatalog(language), part.default)
}

const STORAGE_KEY = 'bitewing.language'

/** The language chosen from a language menu on this browser before, if any. */
export function rememberedLanguage(): Language | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (isLanguage(stored)) return stored
  } catch {
    // Storage refused (private mode); fall back to the cookie.
  }
  return languageFromCookie(globalThis.document?.cookie)
}

/** Keeps the choice here (localStorage) and for the server (a cookie: emails, problems). */
function rememberLanguage(language: Language) {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language)
  } catch {
    // Storage refused; the cookie still remembers.
  }
  const year = 60 * 60 * 24 * 365
  // biome-ignore lint/suspicious/noDocumentCookie: one fixed name and an encoded value; the Cookie Store API is not in every supported browser.
  document.cookie = `${LANGUAGE_COOKIE}=${encodeURIComponent(language)}; Path=/; Max-Age=${year}; SameSite=Lax`
}

/** The language to start in: the remembered choice, else the browser's, within `offered`. */
export function initialLanguage(
  offered: readonly Language[],
  browser: readonly string[] = globalThis.navigator?.languages ?? [],
): Language {
  const remembered = rememberedLanguage()
  if (remembered && offered.includes(remembered)) return remembered
  const chosen = chooseLanguage(browser)
  return offered.includes(chosen) ? chosen : (offered[0] ?? DEFAULT_LANGUAGE)
}

interface LanguageState {
  language: Language
  offered: readonly Language[]
  setLanguage: (language: Language) => Promise<void>
}

const LanguageContext = createContext<LanguageState | null>(null)
const TranslateContext = createContext<Translate | null>(null)

/**
 * Holds the active language and its messages. Switching downloads the other catalogs first, so
 * the page never shows ids or a mix of two languages.
 */
export function I18nProvider({
  initial,
  messages: initialMessages,
  offered,
  loaders,
  children,
}: {
  initial: Language
  messages: Catalog
  offered: readonly Language[]
  loaders: readonly CatalogLoaders[]
  children: ReactNode
}) {
  const [state, setState] = useState({ language: initial, messages: initialMessages })
  setTextLanguage(state.language)
  const setLanguage = useCallback(
    async (language: Language) => {
      const [messages] = await Promise.all([
        loadCatalogs(loaders, language),
        ...laterLoaders.map((later) => addCatalogs(later, language)),
      ])
      rememberLanguage(language)
      setState({ language, messages })
    },
    [loaders],
  )
  const value = useMemo(
    () => ({ language: state.language, offered, setLanguage }),
    [state.language, offered, setLanguage],
  )
  // The completeness test (catalogs.test.ts) holds every language to every id.
  const t = useMemo(
    () =>
      messageFormatter(state.language, [state.messages, laterCatalog(state.language)]) as Translate,
    [state.language, state.messages],
  )
  return (
    <LanguageContext.Provider value={value}>
      <TranslateContext.Provider value={t}>
        {/* A new language renders the pages afresh, as react-intl's keyed provider did. */}
        <Fragment key={state.language}>{children}</Fragment>
      </TranslateContext.Provider>
    </LanguageContext.Provider>
  )
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext)
  if (!state) throw new Error('useLanguage needs an I18nProvider above it.')
  return state
}

/** Values for a message's `{placeholders}`; functions render `<tag>…</tag>` spans. */
export type MessageValues = Record<
  string,
  string | number | Date | ReactNode | ((chunks: ReactNode[]) => ReactNode)
>

/**
 * `t('signIn.title')`, `t('appointments.count', { count: 3 })`. Returns a string unless a value
 * is a React element or a tag function.
 */
export interface Translate {
  (id: MessageId, values?: Record<string, string | number | Date>): string
  (id: MessageId, values: MessageValues): ReactNode
}

export function useT(): Translate {
  const t = useContext(TranslateContext)
  if (!t) throw new Error('useT needs an I18nProvider above it.')
  return t
}
