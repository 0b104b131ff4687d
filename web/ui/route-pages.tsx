import { isRouteErrorResponse, useRouteError } from 'react-router'
import { useDocumentTitle } from './document-title.ts'
import { Card, Page } from './layout.tsx'

/**
 * Plain links (not router links) on purpose: after an error the router may be in a bad state,
 * and a full page load starts clean.
 */
export function NotFoundPage({ homeHref }: { homeHref: string }) {
  useDocumentTitle('Page not found')
  return (
    <Page>
      <Card>
        <h1>Page not found</h1>
        <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
        <p>
          <a href={homeHref}>Go to the sign-in page</a>
        </p>
      </Card>
    </Page>
  )
}

/** Shown instead of a blank screen when a page fails to render. */
export function RouteErrorPage({ homeHref }: { homeHref: string }) {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundPage homeHref={homeHref} />
  }
  return <CrashPage homeHref={homeHref} />
}

function CrashPage({ homeHref }: { homeHref: string }) {
  useDocumentTitle('Something went wrong')
  return (
    <Page>
      <Card>
        <h1>Something went wrong</h1>
        <p>This page could not be shown. Reloading usually helps.</p>
        <p>
          <a href={homeHref}>Start again</a>
        </p>
      </Card>
    </Page>
  )
}
