import { Component, type ComponentType, type ReactNode, use } from 'react'
import { matchRoutes, type RouteObject, useLocation } from 'react-router'
import { CrashPage } from './route-pages.tsx'

/**
 * Both apps use react-router's declarative router (`BrowserRouter` + `useRoutes`), not its data
 * router: they load no data through the router, and the data router cost 17 KB (gzip) more on
 * every first load (bench `web`, docs/decisions.md). What the data router did for them is here:
 * pages fetched when first opened, without a waterfall on a first load, and an error page.
 */

interface Preload {
  preload: () => Promise<unknown>
}

/** A route's component, once its code has arrived, and the fetching of that code. */
interface LazyCode extends Preload {
  Loaded?: ComponentType
}

/**
 * A route whose component is fetched when it is first shown. Until its code has arrived the route
 * suspends; navigations are transitions (BrowserRouter), so the page on screen stays meanwhile.
 * Once fetched it renders at once, without suspending (which `React.lazy` would do on its first
 * render even when the code is already here, showing nothing for a moment).
 */
export function lazyRoute<M>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType,
): Pick<RouteObject, 'element' | 'handle'> {
  let loading: Promise<unknown> | undefined
  const code: LazyCode = {
    preload: () =>
      (loading ??= load().then((module) => {
        code.Loaded = pick(module)
      })),
  }
  return { element: <LazyRoute code={code} />, handle: code }
}

function LazyRoute({ code }: { code: LazyCode }) {
  // The same promise every time, so React waits for it once.
  if (!code.Loaded) use(code.preload())
  const Loaded = code.Loaded
  return Loaded ? <Loaded /> : null
}

/**
 * Fetches the code of every lazy route the address matches at once (a layout and its page),
 * rather than the page only once its layout has rendered. The app renders when it has arrived,
 * as the data router did; a failure shows on the route's error page when it renders.
 */
export async function preloadRoutes(routes: RouteObject[], pathname: string, basename?: string) {
  await Promise.allSettled(
    (matchRoutes(routes, pathname, basename) ?? []).map((match) =>
      (match.route.handle as Preload | undefined)?.preload(),
    ),
  )
}

/** Shows the error page in place of `children` when they fail to render (or their code to load). */
export function RouteErrorBoundary({
  homeHref,
  children,
}: {
  homeHref: string
  children: ReactNode
}) {
  const { pathname } = useLocation()
  return (
    <ErrorBoundary homeHref={homeHref} pathname={pathname}>
      {children}
    </ErrorBoundary>
  )
}

/** Like the data router's `errorElement`, the error page goes away on the next navigation. */
class ErrorBoundary extends Component<
  { homeHref: string; pathname: string; children: ReactNode },
  { failed: boolean; pathname: string }
> {
  override state = { failed: false, pathname: this.props.pathname }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  static getDerivedStateFromProps(
    props: { pathname: string },
    state: { failed: boolean; pathname: string },
  ) {
    return props.pathname === state.pathname ? null : { failed: false, pathname: props.pathname }
  }

  override render() {
    if (this.state.failed) return <CrashPage homeHref={this.props.homeHref} />
    return this.props.children
  }
}
