import { QueryClientProvider } from '@tanstack/react-query'
import type { Language } from '../../server/platform/i18n/languages.ts'
import { mountApp } from '../ui/mount.tsx'
import { createQueryClient } from '../ui/query-client.ts'
import { officeRoutes } from './routes.tsx'
// After the pages' own styles, as it always was: where specificity ties, the theme wins.
import '../ui/theme.css'

/** The console is written in English and French (Canada); a Spanish browser reads it in English. */
export const OFFICE_LANGUAGES: readonly Language[] = ['en', 'fr-CA']

void mountApp(officeRoutes, {
  basename: '/office',
  offered: OFFICE_LANGUAGES,
  catalogs: {
    en: () => import('./messages/en.json'),
    // Never loaded: Spanish is not offered here (initialLanguage falls back to English).
    es: () => import('./messages/en.json'),
    'fr-CA': () => import('./messages/fr-CA.json'),
  },
  wrap: (app) => <QueryClientProvider client={createQueryClient()}>{app}</QueryClientProvider>,
})
