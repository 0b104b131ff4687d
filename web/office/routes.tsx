import { createBrowserRouter } from 'react-router'
import { NotFoundPage, RouteErrorPage } from '../ui/route-pages.tsx'
import { OfficeSignInPage } from './OfficeSignInPage.tsx'

/** The office console lives under `/office/`; the server sends its page for every path there. */
export const officeRouter = createBrowserRouter(
  [
    {
      index: true,
      element: <OfficeSignInPage />,
      errorElement: <RouteErrorPage homeHref="/office/" />,
    },
    { path: '*', element: <NotFoundPage homeHref="/office/" /> },
  ],
  { basename: '/office' },
)
