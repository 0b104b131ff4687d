import type { FastifyRequest } from 'fastify'

/**
 * The reader's preferred locale from `Accept-Language` (highest q first), for dates written on
 * the server (care-summary HTML and PDF, the XDM index): the browser sends its languages with
 * every request, frames and downloads included. English (US) when it names none usable.
 */
export function acceptedLocale(header: string | undefined): string {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean)
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index }
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const { tag } of ranked) {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag)
      if (canonical) return canonical
    } catch {
      // Not a BCP 47 tag: try the next.
    }
  }
  return 'en-US'
}

export function readerLocale(request: FastifyRequest): string {
  return acceptedLocale(request.headers['accept-language'])
}
