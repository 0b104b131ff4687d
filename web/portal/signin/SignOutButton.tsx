import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button } from 'react-aria-components'
import { useT } from '../../ui/i18n/i18n.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import { signOut } from '../session.ts'
import { SIGNED_OUT } from '../session-rules.ts'
import './signin.css'

/** For the steps between sign-in and the portal: leave without finishing them. */
export function SignOutButton() {
  const queryClient = useQueryClient()
  const t = useT()
  const leave = useMutation({ mutationFn: () => signOut(queryClient, SIGNED_OUT) })
  return (
    <div className="stage-sign-out">
      {leave.isError ? <ProblemAlert key={leave.submittedAt} error={leave.error} /> : null}
      <Button className="button button-secondary" onPress={() => leave.mutate()}>
        {t('stage.cancelSignOut')}
      </Button>
    </div>
  )
}
