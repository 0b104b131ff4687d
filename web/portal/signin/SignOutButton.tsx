import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button } from 'react-aria-components'
import { ProblemAlert } from '../problem-alert.tsx'
import { signOut } from '../session.ts'
import './signin.css'

export const SIGNED_OUT = 'You have signed out.'

/** For the steps between sign-in and the portal: leave without finishing them. */
export function SignOutButton() {
  const queryClient = useQueryClient()
  const leave = useMutation({ mutationFn: () => signOut(queryClient, SIGNED_OUT) })
  return (
    <div className="stage-sign-out">
      {leave.isError ? <ProblemAlert key={leave.submittedAt} error={leave.error} /> : null}
      <Button className="button button-secondary" onPress={() => leave.mutate()}>
        Cancel and sign out
      </Button>
    </div>
  )
}
