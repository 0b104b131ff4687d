import { isApiError } from '../ui/api.ts'

/** What to say when a form's request failed; the server's sentence when it gave one. */
export function problemMessage(error: unknown): string {
  if (isApiError(error) && error.detail && error.status < 500) return error.detail
  if (isApiError(error) && error.status === 0 && error.detail) return error.detail
  return 'Something went wrong on the server. Please try again in a moment.'
}

/**
 * A form's failure, announced at once (`role="alert"`). Give it `key={mutation.submittedAt}` so
 * the same message after a second try is announced again.
 */
export function ProblemAlert({ error, id }: { error: unknown; id?: string }) {
  return (
    <div id={id} className="notice notice-error" role="alert">
      <p>{problemMessage(error)}</p>
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
