import type { ReactNode } from 'react'
import { Button } from 'react-aria-components'

/**
 * A form's submit button whose words say while the request is under way ("Saving…"). Not React
 * Aria's `isPending`: the button is often gone once the request succeeds, and its announcement
 * would point at nothing. A second press meanwhile is the form's to ignore.
 */
export function SubmitButton({
  isPending,
  pendingLabel,
  children,
}: {
  isPending: boolean
  pendingLabel: string
  children: ReactNode
}) {
  return (
    <Button className="button" type="submit">
      {isPending ? pendingLabel : children}
    </Button>
  )
}
