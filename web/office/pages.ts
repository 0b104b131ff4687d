import { can, type StaffAction } from '../../server/practice/staff-permissions.ts'
import type { MessageId } from '../ui/i18n/i18n.tsx'
import type { StaffRole } from './office-api.ts'

/**
 * The console's pages and the action each needs, from the same permissions table the API's guard
 * reads, so the navigation never offers a page that would refuse the person. `label` and
 * `description` are catalog ids (web/office/messages).
 */
export const CONSOLE_PAGES: readonly {
  path: string
  label: MessageId
  description?: MessageId
  action: StaffAction
}[] = [
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
