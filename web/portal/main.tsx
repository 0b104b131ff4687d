import { mountApp } from '../ui/mount.tsx'
import { portalRouter } from './routes.tsx'
// After the pages' own styles, as it always was: where specificity ties, the theme wins.
import '../ui/theme.css'

mountApp(portalRouter)
