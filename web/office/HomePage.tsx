import { Link } from 'react-router'
import { useT } from '../ui/i18n/i18n.tsx'
import { ConsolePage, useStaff } from './ConsolePage.tsx'
import { pagesFor } from './pages.ts'

/** The console's front page: a greeting and what this staff member can do here. */
export function HomePage() {
  const staff = useStaff()
  const t = useT()
  const pages = pagesFor(staff.role)
  return (
    <ConsolePage
      title={t('office.title')}
      heading={t('office.home.welcome', { name: staff.displayName })}
    >
      <p>{t('office.home.question')}</p>
      {pages.length > 0 ? (
        <ul className="home-list">
          {pages.map((page) => (
            <li key={page.path}>
              <Link to={page.path}>{t(page.label)}</Link>
              {page.description ? <p>{t(page.description)}</p> : <p />}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('office.home.nothing')}</p>
      )}
    </ConsolePage>
  )
}
