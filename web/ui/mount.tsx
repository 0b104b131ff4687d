import { type ReactNode, StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter, type RouteObject, useLocation, useRoutes } from 'react-router'
import type { Language } from '../../server/platform/i18n/languages.ts'
import { type CatalogLoaders, I18nProvider, initialLanguage, loadCatalogs } from './i18n/i18n.tsx'
import { setTextLanguage } from './i18n/locale.ts'
import { preloadRoutes } from './routing.tsx'

/** The shared components' catalogs; each app adds its own. */
export const UI_CATALOGS: CatalogLoaders = {
  en: () => import('./messages/en.json'),
  es: () => import('./messages/es.json'),
  'fr-CA': () => import('./messages/fr-CA.json'),
}

/**
 * Starts one of the two apps (portal, office console) in the page's #root, in the first of the
 * person's languages that the app is written in (`offered`), once its words have arrived.
 * `wrap` puts the app's own providers around it: the office's query client (the portal's pages
 * bring theirs, web/portal/queries.tsx, so that the sign-in page loads without it).
 */
export async function mountApp(
  routes: RouteObject[],
  {
    basename,
    offered,
    catalogs,
    wrap = (app) => app,
  }: {
    basename?: string
    offered: readonly Language[]
    catalogs: CatalogLoaders
    wrap?: (app: ReactNode) => ReactNode
  },
) {
  const language = initialLanguage(offered)
  // Before the routes' code is fetched: a route may bring catalogs of its own in this language.
  setTextLanguage(language)
  const pages = preloadRoutes(routes, window.location.pathname, basename)
  const loaders = [UI_CATALOGS, catalogs]
  const [messages] = await Promise.all([loadCatalogs(loaders, language), pages])
  const root = document.getElementById('root')
  if (!root) throw new Error('The page has no #root element.')
  createRoot(root).render(
    <StrictMode>
      {wrap(
        <I18nProvider initial={language} messages={messages} offered={offered} loaders={loaders}>
          <BrowserRouter basename={basename}>
            <Suspense>
              <AppRoutes routes={routes} />
            </Suspense>
          </BrowserRouter>
        </I18nProvider>,
      )}
    </StrictMode>,
  )
}

function AppRoutes({ routes }: { routes: RouteObject[] }) {
  // A navigation into another layout fetches the layout's and the page's code at once too.
  void preloadRoutes(routes, useLocation().pathname)
  return useRoutes(routes)
}
