import { useDocumentTitle } from './document-title.ts'
import { useT } from './i18n/i18n.tsx'
import { Card, Page } from './layout.tsx'

/**
 * Plain links (not router links) on purpose: after an error the router may be in a bad state,
 * and a full page load starts clean.
 */
export function NotFoundPage({ homeHref }: { homeHref: string }) {
  const t = useT()
  useDocumentTitle(t('notFound.title'))
  return (
    <Page>
      <Card>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
        <p>
          <a href={homeHref}>{t('notFound.home')}</a>
        </p>
      </Card>
    </Page>
  )
}

/** Shown instead of a blank screen when a page fails to render (routing.tsx). */
export function CrashPage({ homeHref }: { homeHref: string }) {
  const t = useT()
  useDocumentTitle(t('crash.title'))
  return (
    <Page>
      <Card>
        <h1>{t('crash.title')}</h1>
        <p>{t('crash.body')}</p>
        <p>
          <a href={homeHref}>{t('crash.home')}</a>
        </p>
      </Card>
    </Page>
  )
}
