import { createBrowserRouter } from 'react-router'
import { NotFoundPage, RouteErrorPage } from '../ui/route-pages.tsx'
import { ContactPage, ForgotPasswordPage, MakePaymentPage } from './signin/later-pages.tsx'
import { PublicLayout } from './signin/PublicLayout.tsx'
import { SignInPage } from './signin/SignInPage.tsx'

/**
 * The patient portal's addresses. Pages before sign-in share `PublicLayout`, which loads the
 * practice's public details once for all of them.
 */
export const portalRouter = createBrowserRouter([
  {
    element: <PublicLayout />,
    errorElement: <RouteErrorPage homeHref="/" />,
    children: [
      { index: true, element: <SignInPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'contact', element: <ContactPage /> },
      { path: 'pay', element: <MakePaymentPage /> },
      { path: '*', element: <NotFoundPage homeHref="/" /> },
    ],
  },
])
