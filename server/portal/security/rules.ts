/**
 * The browser a session was opened in and the system it ran on, from its User-Agent (Chrome,
 * Android): names the page puts in a sentence of the reader's language. Null where unknown.
 */
export function browserOf(userAgent: string | null): {
  browser: string | null
  system: string | null
} {
  if (!userAgent) return { browser: null, system: null }
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null
  return { browser, system }
}
