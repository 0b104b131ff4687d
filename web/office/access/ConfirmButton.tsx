import type { ReactNode } from 'react'
import { Button, DialogTrigger } from 'react-aria-components'
import { CloseButton, DialogActions, DialogShell } from '../../ui/dialog.tsx'
import { useT } from '../../ui/i18n/i18n.tsx'
import type { ButtonMutation } from '../../ui/mutation-button.tsx'

/**
 * A button whose action needs a second thought: it opens an alert dialog that says what will
 * happen, with Cancel (the default focus) and the action. Escape cancels.
 */
export function ConfirmButton<Variables = void>({
  label,
  pendingLabel,
  title,
  confirmLabel,
  danger = false,
  mutation,
  variables,
  children,
}: {
  label: string
  /** The button's text while the action runs, e.g. "Resetting…". */
  pendingLabel: string
  title: string
  /** The dialog's action button, when it should say more than `label` (e.g. "Revoke key"). */
  confirmLabel?: string
  danger?: boolean
  /** What the action sends, once confirmed. */
  mutation: ButtonMutation<Variables>
  /** What the request is sent with, for a mutation that takes something. */
  variables?: Variables
  children: ReactNode
}) {
  const t = useT()
  return (
    <DialogTrigger>
      <Button
        className={danger ? 'button button-danger-outline' : 'button button-secondary'}
        // Not isPending: React Aria announces a pending button by its id, and the announcement
        // dangles once the button is gone ("Remove access" is, on success; axe: role-img-alt).
        // Not disabled either, which would drop the keyboard focus; a second press is ignored.
      >
        {mutation.isPending ? pendingLabel : label}
      </Button>
      <DialogShell title={title} role="alertdialog">
        {children}
        <DialogActions>
          <CloseButton label={t('office.common.cancel')} autoFocus />
          <Button
            slot="close"
            className={danger ? 'button button-danger' : 'button'}
            onPress={() => {
              if (!mutation.isPending) mutation.mutate(variables as Variables)
            }}
          >
            {confirmLabel ?? label}
          </Button>
        </DialogActions>
      </DialogShell>
    </DialogTrigger>
  )
}
