import type { ReactNode } from 'react'
import { Button, type ButtonProps } from 'react-aria-components'

/** What the button needs to know of a TanStack mutation. */
export interface ButtonMutation<Variables> {
  isPending: boolean
  mutate: (variables: Variables) => void
}

/**
 * A button that sends one request ("Print letter") and says so while it is under way
 * ("Making…"); a second press meanwhile sends nothing. Not React Aria's `isPending`, nor
 * disabled: the announcement would point at a button that is often gone once the request
 * succeeds, and a disabled button drops the keyboard focus (see SubmitButton, ConfirmButton).
 */
export function MutationButton<Variables = void>({
  mutation,
  variables,
  label,
  pendingLabel,
  ...button
}: Omit<ButtonProps, 'children' | 'isPending' | 'onPress'> & {
  mutation: ButtonMutation<Variables>
  /** What the request is sent with, for a mutation that takes something. */
  variables?: Variables
  label: ReactNode
  /** The button's text while the request is under way, e.g. "Making…". */
  pendingLabel: string
}) {
  return (
    <Button
      {...button}
      onPress={() => {
        if (!mutation.isPending) mutation.mutate(variables as Variables)
      }}
    >
      {mutation.isPending ? pendingLabel : label}
    </Button>
  )
}
