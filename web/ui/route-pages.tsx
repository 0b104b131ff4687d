import { useDocumentTitle } from './document-title.ts'
import { useT } from './i18n/i18n.tsx'
import { Card, Page } from './layout.tsx'

/**
 * Plain links (not router links) on purpose: after an error the router may be in a bad state,
 * and a full page load starts clean.
 */
function ErrorPage({ title, body, home }: { title: string; body: string; home: HomeLink }) {
  useDocumentTitle(title)
  return (
    <Page>
      <Card>
        <h1>{title}</h1>
        <p>{body}</p>
        <p>
          <a href={home.href}>{home.label}</a>
        </p>
      </Card>
    </Page>
  )
}

interface HomeLink {
  href: string
  label: string
}

/**
 * The office console's address answers a signed-in person with the console and anyone else with
 * its sign-in form, as the portal's front door does with the patient's pages; so the link names
 * the place, not the sign-in page a signed-in person would never see.
 */
export function NotFoundPage({ homeHref }: { homeHref: '/' | '/office/' }) {
  const t = useT()
  const label = homeHref === '/' ? t('notFound.home') : t('notFound.officeHome')
  return (
    <ErrorPage
      title={t('notFound.title')}
      body={t('notFound.body')}
      home={{ href: homeHref, label }}
    />
  )
}

/** Shown instead of a blank screen when a page fails to render (routing.tsx). */
export function CrashPage({ homeHref }: { homeHref: string }) {
  const t = useT()
  return (
    <ErrorPage
      title={t('crash.title')}
      body={t('crash.body')}
      home={{ href: homeHref, label: t('crash.home') }}
    />
  )
}
