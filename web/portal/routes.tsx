import type { RouteObject } from 'react-router'
import { NotFoundPage } from '../ui/route-pages.tsx'
import { lazyRoute, RouteErrorBoundary } from '../ui/routing.tsx'

/** A layout route whose failures show the error page (with a way back to sign-in) in its place. */
function layout(route: Pick<RouteObject, 'element' | 'handle'>, children: RouteObject[]) {
  return {
    ...route,
    element: <RouteErrorBoundary homeHref="/">{route.element}</RouteErrorBoundary>,
    children,
  }
}

// One component for both of its addresses, so that opening another tab keeps the page's state.
const patientPage = lazyRoute(
  () => import('./shell/PatientPage.tsx'),
  (module) => module.PatientPage,
)

/**
 * The patient portal's addresses. Pages before sign-in share `PublicLayout`, which loads the
 * practice's public details once for all of them. Every page is fetched when it is first
 * opened, the sign-in page too, so that a signed-in first load does not carry the sign-in form
 * (bench `web`); a navigation keeps the page on screen until the next one's code has arrived,
 * so nothing flashes (web/ui/routing.tsx).
 */
export const portalRoutes: RouteObject[] = [
  layout(
    lazyRoute(
      () => import('./signin/PublicLayout.tsx'),
      (module) => module.PublicLayout,
    ),
    [
      {
        index: true,
        ...lazyRoute(
          () => import('./signin/SignInPage.tsx'),
          (module) => module.SignInPage,
        ),
      },
      {
        path: 'forgot-password',
        ...lazyRoute(
          () => import('./signin/ForgotPasswordPage.tsx'),
          (module) => module.default,
        ),
      },
      {
        path: 'contact',
        ...lazyRoute(
          () => import('./contact/ContactPage.tsx'),
          (module) => module.default,
        ),
      },
      {
        path: 'first-sign-in',
        ...lazyRoute(
          () => import('./signin/FirstSignInPage.tsx'),
          (module) => module.default,
        ),
      },
      {
        path: 'second-factor',
        ...lazyRoute(
          () => import('./signin/SecondFactorPage.tsx'),
          (module) => module.default,
        ),
      },
      {
        path: 'second-factor-setup',
        ...lazyRoute(
          () => import('./signin/SecondFactorSetupPage.tsx'),
          (module) => module.default,
        ),
      },
      {
        path: 'verify',
        ...lazyRoute(
          () => import('./signin/VerifyPage.tsx'),
          (module) => module.default,
        ),
      },
      {
        path: 'pay',
        ...lazyRoute(
          () => import('./signin/MakePaymentPage.tsx'),
          (module) => module.default,
        ),
      },
      {
        path: 'privacy',
        ...lazyRoute(
          () => import('./signin/PrivacyPage.tsx'),
          (module) => module.default,
        ),
      },
      { path: '*', element: <NotFoundPage homeHref="/" /> },
    ],
  ),
  layout(
    lazyRoute(
      () => import('./shell/SignedInLayout.tsx'),
      (module) => module.SignedInLayout,
    ),
    [
      {
        path: 'home',
        ...lazyRoute(
          () => import('./shell/PatientPage.tsx'),
          (module) => module.HomeRedirect,
        ),
      },
      {
        path: 'security',
        ...lazyRoute(
          () => import('./security/SecurityPage.tsx'),
          (module) => module.SecurityPage,
        ),
      },
      {
        path: 'patients/:patientId',
        ...patientPage,
      },
      {
        path: 'patients/:patientId/receipts/:attemptId',
        ...lazyRoute(
          () => import('./account/ReceiptPage.tsx'),
          (module) => module.default,
        ),
      },
      {
        // One tab of one patient (web/portal/tabs.ts); the bare address shows the first tab.
        path: 'patients/:patientId/:tab',
        ...patientPage,
      },
    ],
  ),
]
