import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { createBrowserRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import type { Language } from '../../server/platform/i18n/languages.ts'
import { type CatalogLoaders, I18nProvider, initialLanguage, loadCatalogs } from './i18n/i18n.tsx'
import { setTextLanguage } from './i18n/locale.ts'
import { createQueryClient } from './query-client.ts'

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
  router: ReturnType<typeof createBrowserRouter>,
  { offered, catalogs }: { offered: readonly Language[]; catalogs: CatalogLoaders },
) {
  const language = initialLanguage(offered)
  setTextLanguage(language)
  const loaders = [UI_CATALOGS, catalogs]
  const messages = await loadCatalogs(loaders, language)
  const root = document.getElementById('root')
  if (!root) throw new Error('The page has no #root element.')
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <I18nProvider initial={language} messages={messages} offered={offered} loaders={loaders}>
          <RouterProvider router={router} />
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  )
}
