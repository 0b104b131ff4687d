import { Button } from 'react-aria-components'
import { isApiError } from './api.ts'
import './layout.css'

/** Shown while the first answer is on its way; `role="status"` is announced politely. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="status" role="status">
      {label}
    </p>
  )
}

/** A failed load, said plainly, with a way to try again without reloading the whole page. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>{loadFailureMessage(error)}</p>
      <p>
        <Button className="button button-secondary" onPress={onRetry}>
          Try again
        </Button>
      </p>
    </div>
  )
}

function loadFailureMessage(error: unknown): string {
  if (isApiError(error) && error.detail) return `This page could not be loaded. ${error.detail}`
  return 'This page could not be loaded. Please try again in a moment.'
}
