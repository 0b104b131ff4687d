import { isApiError } from '../ui/api.ts'
import { type Translate, useT } from '../ui/i18n/i18n.tsx'

/**
 * What to say when a form's request failed: the server's sentence when it gave one (in the
 * request's language, see server/platform/i18n).
 */
export function problemMessage(error: unknown, t: Translate): string {
  if (isApiError(error) && error.status === 0) return t('problem.unreachable')
  if (isApiError(error) && error.detail && error.status < 500) return error.detail
  return t('problem.server')
}

/**
 * A form's failure, announced at once (`role="alert"`). Give it `key={mutation.submittedAt}` so
 * the same message after a second try is announced again.
 */
export function ProblemAlert({ error, id }: { error: unknown; id?: string }) {
  const t = useT()
  return (
    <div id={id} className="notice notice-error" role="alert">
      <p>{problemMessage(error, t)}</p>
    </div>
  )
}

/** A success or progress message, read out politely. */
export function StatusNotice({ children }: { children: string }) {
  return (
    <div className="notice notice-info" role="status">
      <p>{children}</p>
    </div>
  )
}
