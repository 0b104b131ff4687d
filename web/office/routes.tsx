import { lazy, type ReactNode, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { NotFoundPage } from '../ui/route-pages.tsx'
import { RouteErrorBoundary } from '../ui/routing.tsx'
import { Loading } from '../ui/status.tsx'
import { HomePage } from './HomePage.tsx'
import { OfficeShell } from './OfficeShell.tsx'
import { OfficeSignInPage } from './OfficeSignInPage.tsx'

// Each console page is its own chunk, loaded when first opened.
const AccessPage = lazy(() =>
  import('./access/AccessPage.tsx').then((module) => ({ default: module.AccessPage })),
)
const PatientAccessPanel = lazy(() =>
  import('./access/AccessPage.tsx').then((module) => ({ default: module.PatientAccessRoute })),
)
const OutgoingEmailPage = lazy(() =>
  import('./outgoing-email/OutgoingEmailPage.tsx').then((module) => ({
    default: module.OutgoingEmailPage,
  })),
)
const PaymentsPage = lazy(() =>
  import('./payments/PaymentsPage.tsx').then((module) => ({ default: module.PaymentsPage })),
)
const AuditLogPage = lazy(() =>
  import('./audit-log/AuditLogPage.tsx').then((module) => ({ default: module.AuditLogPage })),
)

const SetupPage = lazy(() =>
  import('./setup/SetupPage.tsx').then((module) => ({ default: module.SetupPage })),
)
const StaffPage = lazy(() =>
  import('./staff/StaffPage.tsx').then((module) => ({ default: module.StaffPage })),
)
const SyncKeysPage = lazy(() =>
  import('./sync-keys/SyncKeysPage.tsx').then((module) => ({ default: module.SyncKeysPage })),
)
const WebMailPage = lazy(() =>
  import('./webmail/WebMailPage.tsx').then((module) => ({ default: module.WebMailPage })),
)
const SettingsPage = lazy(() =>
  import('./settings/SettingsPage.tsx').then((module) => ({ default: module.SettingsPage })),
)

/** Shows the error page (with a way back to the console's start) in place of a failing page. */
function guarded(element: ReactNode) {
  return <RouteErrorBoundary homeHref="/office/">{element}</RouteErrorBoundary>
}

/**
 * The office console lives under `/office/` (its `basename`, main.tsx); the server sends its page
 * for every path there.
 */
export const officeRoutes: RouteObject[] = [
  { path: 'sign-in', element: guarded(<OfficeSignInPage />) },
  {
    path: 'setup',
    element: guarded(
      <Suspense fallback={<Loading />}>
        <SetupPage />
      </Suspense>,
    ),
  },
  {
    element: guarded(<OfficeShell />),
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'access',
        element: <AccessPage />,
        children: [{ path: ':patientId', element: <PatientAccessPanel /> }],
      },
      { path: 'outgoing-email', element: <OutgoingEmailPage /> },
      { path: 'audit-log', element: <AuditLogPage /> },
      { path: 'payments', element: <PaymentsPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'staff', element: <StaffPage /> },
      { path: 'sync-keys', element: <SyncKeysPage /> },
      { path: 'webmail', element: <WebMailPage /> },
    ],
  },
  { path: '*', element: <NotFoundPage homeHref="/office/" /> },
]
