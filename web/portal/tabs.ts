import { type ComponentType, type LazyExoticComponent, lazy } from 'react'
import type { TabEntry } from './tab-rules.ts'

/** What every tab page is given: whose records to show. */
export interface TabPageProps {
  patientId: number
  /** The selected patient's name as the header shows it (for print-outs and sentences). */
  patientName: string
}

export interface PortalTab extends TabEntry {
  page: LazyExoticComponent<ComponentType<TabPageProps>>
}

/**
 * The tabs that are built. Each page is its own download, fetched when the tab is first opened,
 * so the portal's first load stays small. A tab not built yet is not listed, so no dead tab ever
 * shows.
 */
export const PORTAL_TABS: readonly PortalTab[] = [
  {
    feature: 'appointments',
    path: 'appointments',
    page: lazy(() => import('./appointments/AppointmentsPage.tsx')),
  },
  {
    feature: 'account',
    path: 'account',
    page: lazy(() => import('./account/AccountPage.tsx')),
  },
  {
    feature: 'plan',
    path: 'plan',
    page: lazy(() => import('./plan/PlanPage.tsx')),
  },
  {
    feature: 'messages',
    path: 'messages',
    page: lazy(() => import('./messages/MessagesPage.tsx')),
  },
  {
    feature: 'summary',
    path: 'summary',
    page: lazy(() => import('./summary/SummaryPage.tsx')),
  },
  {
    feature: 'images',
    path: 'images',
    page: lazy(() => import('./images/ImagesPage.tsx')),
  },
]
