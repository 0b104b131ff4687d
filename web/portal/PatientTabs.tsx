import { useQuery } from '@tanstack/react-query'
import { Suspense } from 'react'
import { Link } from 'react-router'
import { getJson } from '../ui/api.ts'
import { type Translate, useT } from '../ui/i18n/i18n.tsx'
import { InfoNotice } from '../ui/notice.tsx'
import { Loading } from '../ui/status.tsx'
import { NotOffered } from './tab-parts.tsx'
import { lookUpTab, visibleTabs } from './tab-rules.ts'
import { PORTAL_TABS, type PortalTab } from './tabs.ts'
import './tabs.css'

/** The address of one tab of one patient. */
export function tabPath(patientId: number, tab: string): string {
  return `/patients/${patientId}/${tab}`
}

/** The tabs this practice offers (Portal Settings, in the session's `features`) and that exist. */
export function offeredTabs(features: readonly string[]): PortalTab[] {
  return visibleTabs(PORTAL_TABS, features)
}

/** The tab bar: real links, so every tab has an address; the open one is `aria-current`. */
export function TabBar({
  patientId,
  features,
  current,
}: {
  patientId: number
  features: readonly string[]
  /** The open tab's path (the first offered tab on the patient's bare address). */
  current: string | undefined
}) {
  const t = useT()
  const tabs = offeredTabs(features)
  if (tabs.length === 0) return null
  return (
    <nav className="tab-bar" aria-label={t('tabs.label')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.path}>
            <Link
              to={tabPath(patientId, tab.path)}
              className="tab-link"
              aria-current={tab.path === current ? 'page' : undefined}
            >
              {t(`tab.${tab.feature}`)}
              {tab.feature === 'messages' ? <UnreadCount /> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** How many messages the family has not opened, on the Messages tab (read out as "3 unread"). */
function UnreadCount() {
  const unread = useQuery({
    queryKey: ['portal', 'messages', 'unread'],
    queryFn: ({ signal }) => getJson<{ unread: number }>('/api/portal/messages/unread', signal),
    refetchInterval: 120_000,
  })
  const t = useT()
  const count = unread.data?.unread ?? 0
  if (count === 0) return null
  return (
    <span className="tab-unread">
      <span className="visually-hidden">, </span>
      {count}
      <span className="visually-hidden"> {t('messages.unreadCount')}</span>
    </span>
  )
}

/**
 * The open tab's page. `path` undefined means the patient's bare address: the first tab the
 * practice offers. A tab the practice has switched off says so politely.
 */
export function TabContent({
  patientId,
  patientName,
  features,
  path,
}: {
  patientId: number
  patientName: string
  features: readonly string[]
  path: string | undefined
}) {
  const t = useT()
  const first = offeredTabs(features)[0]
  const lookup = lookUpTab(PORTAL_TABS, features, path ?? first?.path ?? '')
  if (lookup.kind === 'shown') {
    const Page = lookup.tab.page
    return (
      <Suspense fallback={<Loading />}>
        <Page key={patientId} patientId={patientId} patientName={patientName} />
      </Suspense>
    )
  }
  if (lookup.kind === 'not-offered') {
    return (
      <section className="tab-page" aria-labelledby="not-offered-heading">
        <h2 id="not-offered-heading">{t(`tab.${lookup.feature}`)}</h2>
        <NotOffered feature={lookup.feature} />
      </section>
    )
  }
  if (path === undefined || first === undefined) {
    return <InfoNotice>{t('tabs.nothingYet')}</InfoNotice>
  }
  return (
    <section className="tab-page" aria-labelledby="no-tab-heading">
      <h2 id="no-tab-heading">{t('notFound.title')}</h2>
      <p>{t('tabs.noSuchPage')}</p>
    </section>
  )
}

/** The path of the tab open at `path` (undefined → the first offered one), for `aria-current`. */
export function currentTab(features: readonly string[], path: string | undefined) {
  return path ?? offeredTabs(features)[0]?.path
}

/** The open tab's name for the document title; nothing on the patient's bare address. */
export function tabTitle(features: readonly string[], path: string | undefined, t: Translate) {
  if (path === undefined) return undefined
  const lookup = lookUpTab(PORTAL_TABS, features, path)
  if (lookup.kind === 'shown') return t(`tab.${lookup.tab.feature}`)
  return lookup.kind === 'not-offered' ? t(`tab.${lookup.feature}`) : t('notFound.title')
}
