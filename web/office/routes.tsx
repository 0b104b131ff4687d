import { type ComponentType, lazy, type ReactNode, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { NotFoundPage } from '../ui/route-pages.tsx'
import { RouteErrorBoundary } from '../ui/routing.tsx'
import { Loading } from '../ui/status.tsx'
import { ListedConsolePage } from './ConsolePage.tsx'
import { HomePage } from './HomePage.tsx'
import { OfficeShell } from './OfficeShell.tsx'
import { OfficeSignInPage } from './OfficeSignInPage.tsx'
import { listedPage } from './pages.ts'

/**
 * A page the console's navigation lists (pages.ts) at `path` ("/staff"): its own chunk, fetched
 * when first opened, whose content is shown in the page's `ListedConsolePage`.
 */
function listedRoute(path: string, load: () => Promise<ComponentType>) {
  const page = listedPage(path)
  const Page = lazy(() =>
    load().then((Content) => ({
      default: () => (
        <ListedConsolePage page={page}>
          <Content />
        </ListedConsolePage>
      ),
    })),
  )
  return { path: path.slice(1), element: <Page /> }
}

const PatientAccessPanel = lazy(() =>
  import('./access/AccessPage.tsx').then((module) => ({ default: module.PatientAccessRoute })),
)
const SetupPage = lazy(() =>
  import('./setup/SetupPage.tsx').then((module) => ({ default: module.SetupPage })),
)
// Not a listed page's route: any role may open Portal Settings, which tells who may change them.
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
        ...listedRoute('/access', () =>
          import('./access/AccessPage.tsx').then((m) => m.AccessPage),
        ),
        children: [{ path: ':patientId', element: <PatientAccessPanel /> }],
      },
      listedRoute('/outgoing-email', () =>
        import('./outgoing-email/OutgoingEmailPage.tsx').then((m) => m.OutgoingEmailPage),
      ),
      listedRoute('/audit-log', () =>
        import('./audit-log/AuditLogPage.tsx').then((m) => m.AuditLogPage),
      ),
      listedRoute('/payments', () =>
        import('./payments/PaymentsPage.tsx').then((m) => m.PaymentsPage),
      ),
      { path: 'settings', element: <SettingsPage /> },
      listedRoute('/staff', () => import('./staff/StaffPage.tsx').then((m) => m.StaffPage)),
      listedRoute('/sync-keys', () =>
        import('./sync-keys/SyncKeysPage.tsx').then((m) => m.SyncKeysPage),
      ),
      listedRoute('/webmail', () => import('./webmail/WebMailPage.tsx').then((m) => m.WebMailPage)),
    ],
  },
  { path: '*', element: <NotFoundPage homeHref="/office/" /> },
]
