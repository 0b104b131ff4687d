import { LANGUAGES } from '../../server/platform/i18n/languages.ts'
import { mountApp } from '../ui/mount.tsx'
import { portalRoutes } from './routes.tsx'
// After the pages' own styles, as it always was: where specificity ties, the theme wins.
import '../ui/theme.css'

void mountApp(portalRoutes, {
  offered: LANGUAGES,
  // The sign-in page's part of the portal's catalog; the rest comes with the other pages
  // (routes.tsx, sign-in-words.ts).
  catalogs: {
    en: () => import('./messages/en.json?sign-in'),
    es: () => import('./messages/es.json?sign-in'),
    'fr-CA': () => import('./messages/fr-CA.json?sign-in'),
  },
})
