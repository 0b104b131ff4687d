import { mountApp } from '../ui/mount.tsx'
import { officeRouter } from './routes.tsx'
// After the pages' own styles, as it always was: where specificity ties, the theme wins.
import '../ui/theme.css'

// The console's pages are in English only for now (docs/i18n.md): offering another language
// would mix it into English pages through the shared components.
void mountApp(officeRouter, {
  offered: ['en'],
  catalogs: {
    en: () => import('./messages/en.json'),
    es: () => import('./messages/en.json'),
    'fr-CA': () => import('./messages/en.json'),
  },
})
