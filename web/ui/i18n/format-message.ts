import { IntlMessageFormat, isFormatXMLElementFn } from 'intl-messageformat'
import { Children, createElement, Fragment, isValidElement, type ReactNode } from 'react'

/** A catalog as it is downloaded: ICU strings, or their parsed form in the production build. */
// biome-ignore lint/suspicious/noExplicitAny: the parsed form is intl-messageformat's own AST type.
export type Catalog = Record<string, any>

type Values = Record<string, unknown>

/**
 * Formats the messages of one language's catalogs: what react-intl's `formatMessage` did for us,
 * on `intl-messageformat` alone, which react-intl itself formats with. React-intl's provider and
 * its date, number and list formatters (web/ui/i18n/format.ts uses `Intl` directly) were 5 KB
 * (gzip) of every first load (bench `web`, docs/decisions.md).
 *
 * As react-intl did: each message is compiled once; a missing or broken message is reported to
 * `onError` and shows its id (or its source); rich-text parts get keys, so React does not warn.
 */
export function messageFormatter(
  locale: string,
  catalogs: readonly Catalog[],
  onError: (error: Error) => void = reportError,
) {
  const compiled = new Map<string, IntlMessageFormat>()
  return (id: string, values?: Values): string | ReactNode => {
    // Looked up on each call: a catalog loaded later (addCatalogs) is merged into one of these.
    const message = catalogs.find((catalog) => id in catalog)?.[id]
    if (message === undefined) {
      onError(new Error(`Missing message "${id}" for locale ${locale}`))
      return id
    }
    if (isPlainText(message)) return message[0].value as string
    try {
      let format = compiled.get(id)
      if (!format) {
        format = new IntlMessageFormat(message, locale)
        compiled.set(id, format)
      }
      const out = format.format<ReactNode>(
        values && (withKeyedParts(values) as Parameters<typeof format.format<ReactNode>>[0]),
      )
      return Array.isArray(out) ? keyed(out) : out
    } catch (error) {
      onError(error instanceof Error ? error : new Error(String(error)))
      return typeof message === 'string' ? message : id
    }
  }
}

/** A parsed message that is one literal: nothing to format. */
function isPlainText(message: unknown): message is [{ value: string }] {
  return Array.isArray(message) && message.length === 1 && message[0].type === 0
}

/** Tag functions (`strong: (chunks) => …`) get their chunks with keys. */
function withKeyedParts(values: Values): Values {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      isFormatXMLElementFn(value)
        ? (chunks: ReactNode[]) => (value as (parts: ReactNode[]) => ReactNode)(keyed(chunks))
        : value,
    ]),
  )
}

/** Index-keyed children, as react-intl builds them (message parts never reorder). */
function keyed(parts: ReactNode[]): ReactNode[] {
  return Children.toArray(parts).map((part, index) =>
    isValidElement(part) ? createElement(Fragment, { key: index }, part) : part,
  )
}

function reportError(error: Error) {
  console.error(error)
}
