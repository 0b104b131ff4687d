import { type ReactNode, useEffect, useRef } from 'react'
import { useOutletContext } from 'react-router'
import { can, type StaffAction } from '../../server/practice/staff-permissions.ts'
import { useDocumentTitle } from '../ui/document-title.ts'
import { useT } from '../ui/i18n/i18n.tsx'
import { InfoNotice } from '../ui/notice.tsx'
import type { StaffSession } from './office-api.ts'
import type { ListedPage } from './pages.ts'

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
  action,
  children,
}: {
  title: string
  /** The `h1`, when it says more than the tab's title. */
  heading?: string
  /** What the page does, from the staff permissions table; left out, any role may open it. */
  action?: StaffAction
  children: ReactNode
}) {
  const staff = useStaff()
  const t = useT()
  const heading = useRef<HTMLHeadingElement>(null)
  useDocumentTitle(title, staff.practiceName)
  useEffect(() => {
    if (firstPageShown) heading.current?.focus()
    firstPageShown = true
  }, [])
  const allowed = action === undefined || can(staff.role, action)
  return (
    <div className="console-page">
      <h1 ref={heading} tabIndex={-1}>
        {headingText}
      </h1>
      {allowed ? children : <InfoNotice>{t('office.page.notAllowed')}</InfoNotice>}
    </div>
  )
}

/**
 * A page the navigation lists (pages.ts): titled with its label and refused to a role without
 * its action, from the same entry the navigation offers it by, so the two cannot disagree.
 */
export function ListedConsolePage({ page, children }: { page: ListedPage; children: ReactNode }) {
  const t = useT()
  return (
    <ConsolePage title={t(page.label)} action={page.action}>
      {children}
    </ConsolePage>
  )
}
