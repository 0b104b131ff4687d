import type { ReactNode } from 'react'
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'
import { useT } from './i18n/i18n.tsx'
import './dialog.css'

/** A dialog opened and closed by its parent (a menu item or a button elsewhere). */
export interface DialogOpenState {
  isOpen: boolean
  onOpenChange: (isOpen: boolean) => void
}

export interface DialogShellProps {
  /** The dialog's heading, which also names it (aria-labelledby). */
  title: string
  /**
   * Controlled open state. Leave it out inside a React Aria `DialogTrigger` (which opens it), or
   * with `onClose` for a dialog shown for as long as it is mounted.
   */
  isOpen?: boolean
  onOpenChange?: (isOpen: boolean) => void
  /** A dialog shown while mounted: called on Escape, a click outside or a `slot="close"` button. */
  onClose?: () => void
  /** `small` for a question or a short form, `medium` for a task, `wide` for documents. */
  size?: 'small' | 'medium' | 'wide'
  /** `alertdialog` for a question that interrupts (a confirmation, a time-out warning). */
  role?: 'dialog' | 'alertdialog'
  /** Whether a click outside closes it (Escape always does unless `isKeyboardDismissDisabled`). */
  isDismissable?: boolean
  isKeyboardDismissDisabled?: boolean
  children: ReactNode
}

/**
 * The one modal dialog of both apps. React Aria does the accessible part: focus moves into the
 * dialog and back to what opened it, the page behind is hidden from screen readers and cannot be
 * tabbed into, Escape closes, and the heading names the dialog. A `<Button slot="close">` inside
 * closes it too.
 */
export function DialogShell({
  title,
  isOpen,
  onOpenChange,
  onClose,
  size = 'small',
  role = 'dialog',
  isDismissable = true,
  isKeyboardDismissDisabled = false,
  children,
}: DialogShellProps) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen ?? (onClose ? true : undefined)}
      onOpenChange={(open) => {
        onOpenChange?.(open)
        if (!open) onClose?.()
      }}
      isDismissable={isDismissable}
      isKeyboardDismissDisabled={isKeyboardDismissDisabled}
    >
      <Modal className={`modal modal-${size}`}>
        <Dialog className="dialog" role={role}>
          <Heading slot="title">{title}</Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  )
}

/** The row of buttons at a dialog's foot. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="dialog-actions">{children}</div>
}

/** The plain way out: a secondary button that closes the dialog around it. */
export function CloseButton({ label, autoFocus }: { label?: string; autoFocus?: boolean }) {
  const t = useT()
  return (
    <Button slot="close" className="button button-secondary" autoFocus={autoFocus}>
      {label ?? t('dialog.close')}
    </Button>
  )
}
