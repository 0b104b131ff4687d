import { lazy, Suspense } from 'react'
import { createBrowserRouter } from 'react-router'
import { NotFoundPage, RouteErrorPage } from '../ui/route-pages.tsx'
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

/** The office console lives under `/office/`; the server sends its page for every path there. */
export const officeRouter = createBrowserRouter(
  [
    {
      path: 'sign-in',
      element: <OfficeSignInPage />,
      errorElement: <RouteErrorPage homeHref="/office/" />,
    },
    {
      path: 'setup',
      element: (
        <Suspense fallback={<Loading />}>
          <SetupPage />
        </Suspense>
      ),
      errorElement: <RouteErrorPage homeHref="/office/" />,
    },
    {
      element: <OfficeShell />,
      errorElement: <RouteErrorPage homeHref="/office/" />,
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
  ],
  { basename: '/office' },
)
