import { LANGUAGES } from '../../server/platform/i18n/languages.ts'
import { mountApp } from '../ui/mount.tsx'
import { portalRoutes } from './routes.tsx'
// After the pages' own styles, as it always was: where specificity ties, the theme wins.
import '../ui/theme.css'

void mountApp(portalRoutes, {
  offered: LANGUAGES,
  catalogs: {
    en: () => import('./messages/en.json'),
    es: () => import('./messages/es.json'),
    'fr-CA': () => import('./messages/fr-CA.json'),
  },
})
