import { can, type StaffAction } from '../../server/practice/staff-permissions.ts'
import type { MessageId } from '../ui/i18n/i18n.tsx'
import type { StaffRole } from './office-api.ts'

/**
 * The console's pages and the action each needs, from the same permissions table the API's guard
 * reads, so the navigation never offers a page that would refuse the person. `label` and
 * `description` are catalog ids (web/office/messages).
 */
export interface ListedPage {
  path: string
  label: MessageId
  description?: MessageId
  action: StaffAction
}

export const CONSOLE_PAGES: readonly ListedPage[] = [
  {
    path: '/access',
    label: 'office.nav.access',
    description: 'office.home.access',
    action: 'access.manage',
  },
  { path: '/webmail', label: 'office.nav.webmail', action: 'webmail.use' },
  {
    path: '/payments',
    label: 'office.nav.payments',
    description: 'office.home.payments',
    action: 'payments.manage',
  },
  {
    path: '/outgoing-email',
    label: 'office.nav.outgoingEmail',
    description: 'office.home.outgoingEmail',
    action: 'outgoing-email.read',
  },
  {
    path: '/settings',
    label: 'office.nav.settings',
    description: 'office.home.settings',
    action: 'settings.manage',
  },
  { path: '/staff', label: 'office.nav.staff', action: 'staff.manage' },
  { path: '/sync-keys', label: 'office.nav.syncKeys', action: 'sync-keys.manage' },
  { path: '/audit-log', label: 'office.nav.auditLog', action: 'audit.read' },
]

export function pagesFor(role: StaffRole) {
  return CONSOLE_PAGES.filter((page) => can(role, page.action))
}

/** The navigation's entry for `path` ("/staff"); a path it does not list is a mistake in the code. */
export function listedPage(path: string): ListedPage {
  const page = CONSOLE_PAGES.find((listed) => listed.path === path)
  if (!page) throw new Error(`${path} is not a console page (pages.ts)`)
  return page
}
