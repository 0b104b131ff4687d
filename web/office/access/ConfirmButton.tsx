import type { ReactNode } from 'react'
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components'

/**
 * A button whose action needs a second thought: it opens an alert dialog that says what will
 * happen, with Cancel (the default focus) and the action. Escape cancels.
 */
export function ConfirmButton({
  label,
  pendingLabel,
  title,
  confirmLabel,
  danger = false,
  isPending = false,
  onConfirm,
  children,
}: {
  label: string
  /** The button's text while the action runs, e.g. "Resetting…". */
  pendingLabel: string
  title: string
  confirmLabel: string
  danger?: boolean
  isPending?: boolean
  onConfirm: () => void
  children: ReactNode
}) {
  return (
    <DialogTrigger>
      <Button
        className={danger ? 'button button-danger-outline' : 'button button-secondary'}
        // Not isPending: React Aria announces a pending button by its id, and the announcement
        // dangles once the button is gone ("Remove access" is, on success; axe: role-img-alt).
        // Not disabled either, which would drop the keyboard focus; a second press is ignored.
      >
        {isPending ? pendingLabel : label}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog role="alertdialog" className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog-title">
                  {title}
                </Heading>
                {children}
                <div className="dialog-actions">
                  <Button className="button button-secondary" onPress={close} autoFocus>
                    Cancel
                  </Button>
                  <Button
                    className={danger ? 'button button-danger' : 'button'}
                    onPress={() => {
                      close()
                      if (!isPending) onConfirm()
                    }}
                  >
                    {confirmLabel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  )
}
