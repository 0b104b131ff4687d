import { useEffect } from 'react'

/**
 * Sets the browser tab's title, which is also the first thing a screen reader announces after a
 * client-side navigation. Parts are joined with an en dash: "Sign in – Maple Grove Dental".
 */
export function useDocumentTitle(...parts: (string | undefined)[]) {
  const title = documentTitle(parts)
  useEffect(() => {
    document.title = title
  }, [title])
}

export function documentTitle(parts: readonly (string | undefined)[]): string {
  return parts.filter((part): part is string => Boolean(part?.trim())).join(' – ')
}
