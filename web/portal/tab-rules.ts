import { PORTAL_FEATURES, type PortalFeature } from '../../server/platform/auth/access-rules.ts'

/**
 * Which tabs a signed-in page shows, as pure decisions (no React), so they are unit-tested
 * without a browser. The registry itself (with the lazily loaded pages) is `tabs.ts`.
 */

/**
 * The portal's tabs in the order SPEC.md lists them; a tab is named by its Portal Settings
 * feature. Every portal feature is a tab except payments, which has a page of its own.
 */
export const TAB_ORDER = PORTAL_FEATURES.filter(
  (feature): feature is Exclude<PortalFeature, 'payments'> => feature !== 'payments',
)
export type TabFeature = Exclude<PortalFeature, 'payments'>

export interface TabEntry {
  /** Also names the tab: the catalogs' `tab.<feature>`. */
  feature: TabFeature
  /** The last part of the tab's address: /patients/:patientId/<path>. */
  path: string
}

/**
 * The tabs to show: built (in `registry`) and switched on in Portal Settings (`features` from
 * the session), in the spec's order. A tab that is not built yet never shows as a dead link.
 */
export function visibleTabs<T extends TabEntry>(
  registry: readonly T[],
  features: readonly string[],
): T[] {
  const on = new Set(features)
  return TAB_ORDER.flatMap((feature) => {
    const tab = registry.find((entry) => entry.feature === feature)
    return tab && on.has(feature) ? [tab] : []
  })
}

export type TabLookup<T> =
  | { kind: 'shown'; tab: T }
  /** A real tab the practice has switched off (or not built yet): a polite "not offered" page. */
  | { kind: 'not-offered'; feature: TabFeature }
  | { kind: 'unknown' }

/** What the address `/patients/:id/<path>` should show. */
export function lookUpTab<T extends TabEntry>(
  registry: readonly T[],
  features: readonly string[],
  path: string,
): TabLookup<T> {
  const shown = visibleTabs(registry, features).find((tab) => tab.path === path)
  if (shown) return { kind: 'shown', tab: shown }
  const feature = TAB_ORDER.find(
    (name) => name === path || registry.some((tab) => tab.feature === name && tab.path === path),
  )
  return feature ? { kind: 'not-offered', feature } : { kind: 'unknown' }
}
