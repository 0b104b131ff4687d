import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter, type RouteObject, useLocation, useRoutes } from 'react-router'
import type { Language } from '../../server/platform/i18n/languages.ts'
import { type CatalogLoaders, I18nProvider, initialLanguage, loadCatalogs } from './i18n/i18n.tsx'
import { setTextLanguage } from './i18n/locale.ts'
import { createQueryClient } from './query-client.ts'
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
 */
export async function mountApp(
  routes: RouteObject[],
  {
    basename,
    offered,
    catalogs,
  }: { basename?: string; offered: readonly Language[]; catalogs: CatalogLoaders },
) {
  const pages = preloadRoutes(routes, window.location.pathname, basename)
  const language = initialLanguage(offered)
  setTextLanguage(language)
  const loaders = [UI_CATALOGS, catalogs]
  const [messages] = await Promise.all([loadCatalogs(loaders, language), pages])
  const root = document.getElementById('root')
  if (!root) throw new Error('The page has no #root element.')
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <I18nProvider initial={language} messages={messages} offered={offered} loaders={loaders}>
          <BrowserRouter basename={basename}>
            <Suspense>
              <AppRoutes routes={routes} />
            </Suspense>
          </BrowserRouter>
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  )
}

function AppRoutes({ routes }: { routes: RouteObject[] }) {
  // A navigation into another layout fetches the layout's and the page's code at once too.
  void preloadRoutes(routes, useLocation().pathname)
  return useRoutes(routes)
}
