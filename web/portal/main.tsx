import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router/dom'
import { applyDocumentLanguage } from '../ui/i18n/locale.ts'
import { createQueryClient } from '../ui/query-client.ts'
import { portalRouter } from './routes.tsx'
import '../ui/theme.css'

applyDocumentLanguage()

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element.')

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={portalRouter} />
    </QueryClientProvider>
  </StrictMode>,
)
