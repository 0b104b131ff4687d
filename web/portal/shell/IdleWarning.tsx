import { Button } from 'react-aria-components'
import { DialogActions, DialogShell } from '../../ui/dialog.tsx'
import { useT } from '../../ui/i18n/i18n.tsx'

/** The idle time-out's warning (IdleTimeout.tsx), loaded only when it is first shown. */
export function IdleWarning({
  isOpen,
  seconds,
  onStay,
  onSignOut,
}: {
  isOpen: boolean
  seconds: number
  onStay: () => void
  onSignOut: () => void
}) {
  const t = useT()
  return (
    <DialogShell
      title={t('idle.title')}
      role="alertdialog"
      isOpen={isOpen}
      isDismissable={false}
      isKeyboardDismissDisabled
    >
      <p>{t('idle.warning', { seconds })}</p>
      <DialogActions>
        <Button className="button" autoFocus onPress={onStay}>
          {t('idle.stay')}
        </Button>
        <Button className="button button-secondary" onPress={onSignOut}>
          {t('header.signOut')}
        </Button>
      </DialogActions>
    </DialogShell>
  )
}
