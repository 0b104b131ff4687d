import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { getJson, isApiError } from '../ui/api.ts'
import { useT } from '../ui/i18n/i18n.tsx'
import { InfoNotice } from '../ui/notice.tsx'
import { LoadFailed, Loading } from '../ui/status.tsx'
import type { ContactDetails } from './session.ts'
import type { TabFeature } from './tab-rules.ts'
import './tabs.css'

/** Every tab's data lives under this key, so the header's Refresh can reload it all at once. */
export const patientKey = (patientId: number, ...rest: unknown[]) =>
  ['patient', patientId, ...rest] as const

/** The API address of one patient's records. */
export const patientApi = (patientId: number, path: string) =>
  `/api/portal/patients/${patientId}/${path}`

/** One read of a patient's records, kept under the patient's key (see patientKey). */
export function usePatientRead<T>(patientId: number, key: string, path: string) {
  return useQuery({
    queryKey: patientKey(patientId, key),
    queryFn: ({ signal }) => getJson<T>(patientApi(patientId, path), signal),
  })
}

/** A tab's frame: its `h2` (under the patient's name) and its content. */
export function TabSection({
  id,
  title,
  children,
  actions,
}: {
  id: string
  title: string
  children: ReactNode
  actions?: ReactNode
}) {
  return (
    <section className="tab-page" aria-labelledby={`${id}-heading`}>
      <div className="tab-page-head bar">
        <h2 id={`${id}-heading`}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  )
}

/**
 * One titled part of a tab (`h3`, under the tab's `h2`). `empty`, when given, is said instead of
 * the content: there is nothing to list.
 */
export function TabPanel({
  id,
  title,
  className,
  empty,
  children,
}: {
  id: string
  title: string
  className?: string
  empty?: string | false
  children: ReactNode
}) {
  return (
    <section
      className={className ? `tab-panel surface ${className}` : 'tab-panel surface'}
      aria-labelledby={`${id}-heading`}
    >
      <h3 id={`${id}-heading`}>{title}</h3>
      {empty ? <p className="muted">{empty}</p> : children}
    </section>
  )
}

/** A tab with nothing to list says so in one muted sentence. */
export function NothingYet({ children }: { children: ReactNode }) {
  return (
    <div className="tab-panel surface">
      <p className="muted">{children}</p>
    </div>
  )
}

/** Loading, failure (with Try again) or the content, for one query. */
export function QueryView<T>({
  query,
  feature,
  children,
}: {
  query: UseQueryResult<T>
  /** The tab the data belongs to, named if the practice has switched it off. */
  feature?: TabFeature
  children: (data: T) => ReactNode
}) {
  if (query.isSuccess) return <>{children(query.data)}</>
  if (query.isError) {
    if (feature && isFeatureDisabled(query.error)) return <NotOffered feature={feature} />
    return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />
  }
  return <Loading />
}

export function isFeatureDisabled(error: unknown): boolean {
  return isApiError(error) && error.type.endsWith('feature-disabled')
}

/** The practice has switched this part of the portal off (Portal Settings). */
export function NotOffered({ feature }: { feature: TabFeature }) {
  const t = useT()
  return <InfoNotice>{t('tabs.notOffered', { feature, name: t(`tab.${feature}`) })}</InfoNotice>
}

/**
 * The practice's time zone (from its contact details, which the header's Contact us also
 * reads), for instants whose own answer does not say which zone they belong to.
 */
export function usePracticeTimeZone(): string | undefined {
  const contact = useQuery({
    queryKey: ['portal', 'contact'],
    queryFn: ({ signal }) => getJson<ContactDetails>('/api/portal/contact', signal),
    staleTime: 5 * 60_000,
  })
  return contact.data?.timeZone
}

/** A message read out politely when it changes; the element is always there, so it is heard. */
export function LiveMessage({ message }: { message: string }) {
  return (
    <div className="tab-live" role="status">
      {message ? <p className="notice notice-info">{message}</p> : null}
    </div>
  )
}
