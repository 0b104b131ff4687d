import type { FormEvent, ReactNode } from 'react'
import { Button, Form } from 'react-aria-components'
import type { FieldErrors } from '../ui/api.ts'
import { useT } from '../ui/i18n/i18n.tsx'
import { ErrorAlert } from '../ui/notice.tsx'
import { actionFailureMessage } from './labels.ts'
import { useFieldErrors } from './settings/section.tsx'

/** What the form needs to know of a TanStack mutation. */
export interface OfficeFormMutation {
  error: unknown
  isError: boolean
  isPending: boolean
}

/**
 * A console form that sends one request: the server's field messages go beside their fields
 * (matched by `name`), its other failure is an alert above the buttons, and a second submit
 * while the first is under way is ignored. Checked with ARIA, not the browser's own checks.
 */
export function OfficeForm({
  mutation,
  what,
  onSubmit,
  labelledBy,
  moreErrors,
  actions,
  children,
}: {
  mutation: OfficeFormMutation
  /** For a failure message: "Adding the staff member". */
  what: string
  onSubmit: () => void
  /** The id of the heading that names the form. */
  labelledBy?: string
  /** Field messages decided in the browser, shown as the server's are. */
  moreErrors?: FieldErrors
  /** The buttons, under the failure message. */
  actions: ReactNode
  children: ReactNode
}) {
  const t = useT()
  const serverErrors = useFieldErrors(mutation.error)
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!mutation.isPending) onSubmit()
  }
  return (
    <Form
      className="form"
      onSubmit={submit}
      validationErrors={moreErrors ? { ...serverErrors, ...moreErrors } : serverErrors}
      validationBehavior="aria"
      aria-labelledby={labelledBy}
    >
      {children}
      {mutation.isError && Object.keys(serverErrors).length === 0 ? (
        <ErrorAlert>{actionFailureMessage(mutation.error, what, t)}</ErrorAlert>
      ) : null}
      {actions}
    </Form>
  )
}

/** A section of the page that is one form, named by its heading, sent by one button. */
export function FormSection({
  id,
  title,
  submitLabel,
  mutation,
  what,
  onSubmit,
  children,
}: {
  /** The section's id; its heading's is `${id}-heading`. */
  id: string
  title: string
  submitLabel: string
  mutation: OfficeFormMutation
  what: string
  onSubmit: () => void
  children: ReactNode
}) {
  const headingId = `${id}-heading`
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <OfficeForm
        mutation={mutation}
        what={what}
        onSubmit={onSubmit}
        labelledBy={headingId}
        actions={
          <Button type="submit" className="button" isPending={mutation.isPending}>
            {submitLabel}
          </Button>
        }
      >
        {children}
      </OfficeForm>
    </section>
  )
}
