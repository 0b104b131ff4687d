import { type ReactNode, useEffect, useRef } from 'react'
import { useOutletContext } from 'react-router'
import { useDocumentTitle } from '../ui/document-title.ts'
import type { StaffRole, StaffSession } from './office-api.ts'

/** The signed-in staff member, for pages inside the console shell. */
export function useStaff(): StaffSession {
  return useOutletContext<StaffSession>()
}

// The first page after a full load keeps the browser's own focus; later ones get it moved.
let firstPageShown = false

/**
 * A console page: its title in the tab and an `h1` that takes focus after an in-app navigation,
 * so a screen reader announces the new page. A role that may not use the page is told so.
 */
export function ConsolePage({
  title,
  heading: headingText = title,
  roles,
  children,
}: {
  title: string
  /** The `h1`, when it says more than the tab's title. */
  heading?: string
  roles?: StaffRole[]
  children: ReactNode
}) {
  const staff = useStaff()
  const heading = useRef<HTMLHeadingElement>(null)
  useDocumentTitle(title, staff.practiceName)
  useEffect(() => {
    if (firstPageShown) heading.current?.focus()
    firstPageShown = true
  }, [])
  const allowed = !roles || roles.includes(staff.role)
  return (
    <div className="console-page">
      <h1 ref={heading} tabIndex={-1}>
        {headingText}
      </h1>
      {allowed ? (
        children
      ) : (
        <div className="notice notice-info">
          <p>Your role does not give access to this page. Ask the practice administrator.</p>
        </div>
      )}
    </div>
  )
}
