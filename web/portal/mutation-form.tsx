import type { FormEvent, ReactNode } from 'react'
import { useEffect, useId, useRef } from 'react'
import { Form } from 'react-aria-components'
import type { FieldErrors } from '../ui/api.ts'
import { isApiError } from '../ui/api.ts'
import { ProblemAlert } from './problem-alert.tsx'

const NONE: FieldErrors = {}
const apiErrors = (error: unknown) => (isApiError(error) ? error.errors : NONE)

/** What the form needs to know of a TanStack mutation. */
export interface FormMutation {
  error: unknown
  isError: boolean
  isPending: boolean
  submittedAt: number
}

/**
 * A form that sends one request: the server's field messages go beside their fields (matched by
 * `name`), its other failure is announced above the buttons and describes the form, and a second
 * submit while the first is under way is ignored.
 */
export function MutationForm({
  mutation,
  onSubmit,
  labelledBy,
  moreErrors,
  actions,
  children,
}: {
  mutation: FormMutation
  onSubmit: () => void
  /** The id of the heading that names the form, when it is not a dialog's only form. */
  labelledBy?: string
  /** Field messages decided in the browser, shown as the server's are. */
  moreErrors?: FieldErrors
  /** The buttons, under the failure message. */
  actions: ReactNode
  children: ReactNode
}) {
  const alertId = useId()
  const form = useRef<HTMLFormElement>(null)
  // The server (or the page) refused some fields: take the person to the first of them, as the
  // browser does for a field it refuses itself. Keyed by the messages, not the objects, so a
  // re-render does not pull focus back.
  const serverFields = mutation.isError ? Object.keys(apiErrors(mutation.error)).length : 0
  const pageErrors = JSON.stringify(moreErrors ?? {})
  // biome-ignore lint/correctness/useExhaustiveDependencies: each failed attempt moves focus again
  useEffect(() => {
    if (serverFields === 0 && pageErrors === '{}') return
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [serverFields, pageErrors, mutation.submittedAt])
  // React Aria drops a server message once its field is edited, but only while the errors
  // object stays the same one: a fresh object on every render would bring the message back.
  const validationErrors = moreErrors
    ? { ...apiErrors(mutation.error), ...moreErrors }
    : apiErrors(mutation.error)
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!mutation.isPending) onSubmit()
  }
  return (
    <Form
      ref={form}
      className="form"
      onSubmit={submit}
      validationErrors={validationErrors}
      aria-labelledby={labelledBy}
      aria-describedby={mutation.isError ? alertId : undefined}
    >
      {children}
      {mutation.isError ? (
        <ProblemAlert key={mutation.submittedAt} id={alertId} error={mutation.error} />
      ) : null}
      {actions}
    </Form>
  )
}
