import { type ReactNode, Suspense, useState } from 'react'

/**
 * Renders a `React.lazy` dialog (or menu) from the first time it is opened on, so its code is
 * downloaded then rather than with the page (the first load's JavaScript budget, bench `web`),
 * and once loaded it stays mounted and opens and closes as before, with its own focus handling.
 */
export function WhenFirstOpened({ isOpen, children }: { isOpen: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(isOpen)
  if (isOpen && !opened) setOpened(true)
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null
}
