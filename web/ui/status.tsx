import { isApiError } from './api.ts'
import { type Translate, useT } from './i18n/i18n.tsx'
import './layout.css'

/** Shown while the first answer is on its way; `role="status"` is announced politely. */
export function Loading({ label }: { label?: string }) {
  const t = useT()
  return (
    <p className="status" role="status">
      {label ?? t('status.loading')}
    </p>
  )
}

/** A failed load, said plainly, with a way to try again without reloading the whole page. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT()
  return (
    <div className="notice notice-error" role="alert">
      <p>{loadFailureMessage(error, t)}</p>
      <p>
        {/* Native: the sign-in page shows this while it loads without React Aria (bench `web`). */}
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('status.tryAgain')}
        </button>
      </p>
    </div>
  )
}

function loadFailureMessage(error: unknown, t: Translate): string {
  if (isApiError(error) && error.status === 0) {
    return t('status.loadFailed', { detail: t('problem.unreachable') })
  }
  if (isApiError(error) && error.detail) return t('status.loadFailed', { detail: error.detail })
  return t('status.loadFailedRetry')
}

/**
 * What a list or form waits on: `Loading` until the first answer, or the failure with a retry.
 * Says nothing once the data is there.
 */
export function QueryStatus({
  query,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown }
}) {
  if (query.isPending) return <Loading />
  if (query.isError) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />
  return null
}
