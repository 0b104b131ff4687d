import { lazy } from 'react'
import { createBrowserRouter } from 'react-router'
import { NotFoundPage, RouteErrorPage } from '../ui/route-pages.tsx'
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
        { path: 'settings', element: <SettingsPage /> },
      ],
    },
    { path: '*', element: <NotFoundPage homeHref="/office/" /> },
  ],
  { basename: '/office' },
)
