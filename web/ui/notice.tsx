import type { ReactNode } from 'react'

/** A failure said at once (an alert), in the error style: "Could not send the message: …". */
export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>{children}</p>
    </div>
  )
}

/** Something the reader should know before going on, in the information style. */
export function InfoNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-info">
      <p>{children}</p>
    </div>
  )
}
