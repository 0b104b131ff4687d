import { createBrowserRouter } from 'react-router'
import { NotFoundPage, RouteErrorPage } from '../ui/route-pages.tsx'

/**
 * The patient portal's addresses. Pages before sign-in share `PublicLayout`, which loads the
 * practice's public details once for all of them. Every page is fetched when it is first
 * opened, the sign-in page too, so that a signed-in first load does not carry the sign-in form
 * (bench `web`); the router loads a page's code before it renders it, so nothing flashes.
 */
export const portalRouter = createBrowserRouter([
  {
    errorElement: <RouteErrorPage homeHref="/" />,
    lazy: async () => ({ Component: (await import('./signin/PublicLayout.tsx')).PublicLayout }),
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./signin/SignInPage.tsx')).SignInPage }),
      },
      {
        path: 'forgot-password',
        lazy: async () => ({
          Component: (await import('./signin/ForgotPasswordPage.tsx')).default,
        }),
      },
      {
        path: 'contact',
        lazy: async () => ({ Component: (await import('./contact/ContactPage.tsx')).default }),
      },
      {
        path: 'first-sign-in',
        lazy: async () => ({ Component: (await import('./signin/FirstSignInPage.tsx')).default }),
      },
      {
        path: 'second-factor',
        lazy: async () => ({
          Component: (await import('./signin/SecondFactorPage.tsx')).default,
        }),
      },
      {
        path: 'second-factor-setup',
        lazy: async () => ({
          Component: (await import('./signin/SecondFactorSetupPage.tsx')).default,
        }),
      },
      {
        path: 'verify',
        lazy: async () => ({ Component: (await import('./signin/VerifyPage.tsx')).default }),
      },
      {
        path: 'pay',
        lazy: async () => ({ Component: (await import('./signin/MakePaymentPage.tsx')).default }),
      },
      {
        path: 'privacy',
        lazy: async () => ({ Component: (await import('./signin/PrivacyPage.tsx')).default }),
      },
      { path: '*', element: <NotFoundPage homeHref="/" /> },
    ],
  },
  {
    errorElement: <RouteErrorPage homeHref="/" />,
    lazy: async () => ({
      Component: (await import('./shell/SignedInLayout.tsx')).SignedInLayout,
    }),
    children: [
      {
        path: 'home',
        lazy: async () => ({ Component: (await import('./shell/PatientPage.tsx')).HomeRedirect }),
      },
      {
        path: 'security',
        lazy: async () => ({
          Component: (await import('./security/SecurityPage.tsx')).SecurityPage,
        }),
      },
      {
        path: 'patients/:patientId',
        lazy: async () => ({ Component: (await import('./shell/PatientPage.tsx')).PatientPage }),
      },
      {
        path: 'patients/:patientId/receipts/:attemptId',
        lazy: async () => ({ Component: (await import('./account/ReceiptPage.tsx')).default }),
      },
      {
        // One tab of one patient (web/portal/tabs.ts); the bare address shows the first tab.
        path: 'patients/:patientId/:tab',
        lazy: async () => ({ Component: (await import('./shell/PatientPage.tsx')).PatientPage }),
      },
    ],
  },
])
