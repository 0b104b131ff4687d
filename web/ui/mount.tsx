import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { createBrowserRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { applyDocumentLanguage } from './i18n/locale.ts'
import { createQueryClient } from './query-client.ts'

/** Starts one of the two apps (portal, office console) in the page's #root. */
export function mountApp(router: ReturnType<typeof createBrowserRouter>) {
  applyDocumentLanguage()
  const root = document.getElementById('root')
  if (!root) throw new Error('The page has no #root element.')
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  )
}
