import type { ComponentType } from 'react'
import type { RouteObject } from 'react-router'
import { addCatalogs, type CatalogLoaders } from '../ui/i18n/i18n.tsx'
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

/** The portal's words beyond the sign-in page's (sign-in-words.ts). */
const LATER_CATALOGS: CatalogLoaders = {
  en: () => import('./messages/en.json?later'),
  es: () => import('./messages/es.json?later'),
  'fr-CA': () => import('./messages/fr-CA.json?later'),
}

/**
 * A lazy route for any page but the sign-in page: the portal's query client
 * (web/portal/queries.tsx), which wraps it, and the rest of the portal's words come with its code.
 */
function queryRoute<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return lazyRoute(
    () => Promise.all([load(), import('./queries.tsx'), addCatalogs(LATER_CATALOGS)]),
    ([module, queries]) => queries.withQueries(pick(module)),
  )
}

/** A page before sign-in (its module's default export), at `path` under the public layout. */
function publicPage(path: string, load: () => Promise<{ default: ComponentType }>): RouteObject {
  return { path, ...queryRoute(load, (module) => module.default) }
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
 * so nothing flashes (web/ui/routing.tsx). Every page but the sign-in page (and the layout
 * around it) comes with TanStack Query (`queryRoute`).
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
      publicPage('forgot-password', () => import('./signin/ForgotPasswordPage.tsx')),
      publicPage('contact', () => import('./contact/ContactPage.tsx')),
      publicPage('first-sign-in', () => import('./signin/FirstSignInPage.tsx')),
      publicPage('second-factor', () => import('./signin/SecondFactorPage.tsx')),
      publicPage('second-factor-setup', () => import('./signin/SecondFactorSetupPage.tsx')),
      publicPage('verify', () => import('./signin/VerifyPage.tsx')),
      publicPage('pay', () => import('./signin/MakePaymentPage.tsx')),
      publicPage('privacy', () => import('./signin/PrivacyPage.tsx')),
      { path: '*', element: <NotFoundPage homeHref="/" /> },
    ],
  ),
  layout(
    queryRoute(
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
